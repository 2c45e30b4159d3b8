package render_test

import (
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/content"
	"github.com/hsi-l10n/l10n/internal/render"
)

// TestInlineInTrustsOnlyTheEnglishsTags checks the rendering of a Hugo
// page's blocks: reference links resolved from the page, the English's
// own inline HTML written as HTML, and anything else a translation adds
// still text. See issue 12.
func TestInlineInTrustsOnlyTheEnglishsTags(t *testing.T) {
	t.Parallel()
	refs := []content.Ref{{Label: "OTel", Destination: "https://opentelemetry.io/", Title: "OpenTelemetry"}}
	english := "Press <kbd>Ctrl</kbd> and read [the spec][otel]."
	trusted := render.TagsOf(english)
	tests := []struct{ msg, want string }{
		{english, `Press <kbd>Ctrl</kbd> and read <a href="https://opentelemetry.io/" title="OpenTelemetry">the spec</a>.`},
		{"Pulse <kbd>Ctrl</kbd> y lea [la especificación][otel].", `Pulse <kbd>Ctrl</kbd> y lea <a href="https://opentelemetry.io/" title="OpenTelemetry">la especificación</a>.`},
		{"Pulse <kbd>Ctrl</kbd><script>alert(1)</script>.", `Pulse <kbd>Ctrl</kbd>&lt;script&gt;alert(1)&lt;/script&gt;.`},
		{`<kbd onclick="x()">Ctrl</kbd>`, `&lt;kbd onclick=&quot;x()&quot;&gt;Ctrl</kbd>`},
		{"[x](javascript:alert(1)) <kbd>Ctrl</kbd>", `<a href="">x</a> <kbd>Ctrl</kbd>`},
		{"[unknown][nope]", `[unknown][nope]`},
	}
	for _, tt := range tests {
		if got := string(render.InlineIn(tt.msg, refs, trusted)); got != tt.want {
			t.Errorf("InlineIn(%q) =\n%s\nwant\n%s", tt.msg, got, tt.want)
		}
	}
	if got := string(render.InlineIn("<b>x</b>", nil, nil)); strings.Contains(got, "<b>") {
		t.Errorf("InlineIn with nothing trusted = %s, want the tags as text", got)
	}
}
