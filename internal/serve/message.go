package serve

import (
	"bytes"
	"html/template"
	"io"
	"net/http"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// messageTemplate is the page of the server's own answers: an error in
// the site, not found, busy. It is not a page of the site, so it is not
// localized; it reloads by itself when the files change (Events) or after
// a second (Refresh).
var messageTemplate = template.Must(template.New("message").Parse(`<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{with .Refresh}}<meta http-equiv="refresh" content="{{.}}">
{{end -}}
<title>{{.Title}} · l10n serve</title>
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1b1b}main{max-width:60rem;margin:0 auto;padding:1rem}h1{color:#b50909;font-size:1.6rem}li{margin:.4rem 0}code{font:.9rem/1.4 ui-monospace,monospace;white-space:pre-wrap;overflow-wrap:anywhere}.ok h1{color:#162e51}</style>
</head>
<body>
<main{{if not .Problems}} class="ok"{{end}}>
<h1>{{.Title}}</h1>
{{with .Text}}<p>{{.}}</p>
{{end -}}
{{with .Problems}}<ul>
{{range .}}<li><code>{{.}}</code></li>
{{end}}</ul>
<p>Fix the file and save it: this page reloads by itself. <code>l10n check</code> says the same in a terminal.</p>
{{end -}}
<p><a href="/">Home</a> · <a href="/index.html">Languages</a> · <a href="/_status">Status</a></p>
</main>
{{with .Events}}<script>new EventSource({{.}}).addEventListener("change", function () { location.reload(); });</script>
{{end -}}
</body>
</html>
`))

type message struct {
	Title, Text string
	Problems    []string // file:line:col: what is wrong; what to do
	Events      string   // live-reload stream URL
	Refresh     string   // seconds until the page reloads
}

func writeMessagePage(w http.ResponseWriter, status int, m message) {
	data, err := buffered(func(w io.Writer) error { return messageTemplate.Execute(w, m) })
	if err != nil {
		// The template is ours and fixed; failing it is a bug.
		panic(err)
	}
	writeHTML(w, status, data)
}

// writeMessage answers with a short message page.
func writeMessage(w http.ResponseWriter, status int, title, text, refresh string) {
	writeMessagePage(w, status, message{Title: title, Text: text, Refresh: refresh})
}

// notFound answers 404, with why if the reason is known.
func notFound(w http.ResponseWriter, r *http.Request, why string) {
	if why == "" {
		why = "This server shows the site's pages at /<locale>/<page>/, the language chooser at /index.html and the status at /_status."
	}
	writeMessagePage(w, http.StatusNotFound, message{Title: "Not found", Text: why})
}

// writeLoadError answers 500 with every problem of err, one per line, as
// l10n check would print them, sorted; the page reloads when the files
// change.
func writeLoadError(w http.ResponseWriter, err error, events string) {
	var list diag.List
	list.Add(err)
	list.Sort()
	m := message{Title: "The site has errors", Events: events}
	for _, e := range list {
		m.Problems = append(m.Problems, e.Error())
	}
	writeMessagePage(w, http.StatusInternalServerError, m)
}

// buffered runs write into a buffer, so that a failure gives an error
// page instead of half a page.
func buffered(write func(io.Writer) error) ([]byte, error) {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
