module github.com/hsi-l10n/l10n

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/bep/golocales v0.3.0
	github.com/google/renameio/v2 v2.0.2
	github.com/nicksnyder/go-i18n/v2 v2.7.0
	github.com/yuin/goldmark v1.8.7
	golang.org/x/text v0.44.0
)

require (
	golang.org/x/tools v0.52.0 // indirect
	rsc.io/script v0.0.2 // indirect
)
