package serve_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/serve"
)

func ExampleNegotiate() {
	site := []language.Tag{language.English, language.Spanish, language.MustParse("es-MX"), language.MustParse("zh-Hant")}
	fmt.Println(serve.Negotiate(site, "", "es-AR,es;q=0.9"))
	fmt.Println(serve.Negotiate(site, "", "es-MX"))
	fmt.Println(serve.Negotiate(site, "", "zh-TW"))
	fmt.Println(serve.Negotiate(site, "", "fr;q=0.9, x;;;"))
	fmt.Println(serve.Negotiate(site, "es-MX", "zh-TW"))
	// Output:
	// es
	// es-MX
	// zh-Hant
	// en
	// es-MX
}

func ExampleNew() {
	// The shipped site, as a reader in Argentina asks for it.
	h := serve.New("../..", serve.Options{})
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header.Set("Accept-Language", "es-AR,es;q=0.9,en;q=0.5")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Location"))
	// Output:
	// 302 /es/narcotics-smuggling/
}
