package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestFingerprintFollowsTheFilesTheBuildReads(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	tests := []struct {
		name    string
		change  func()
		changes bool
	}{
		{"a catalog", func() { edit(t, dir, "locales/es.toml", "narcóticos", "estupefacientes") }, true},
		{"a page", func() { edit(t, dir, "content/narcotics-smuggling.md", "Narcotics Smuggling", "Drug Smuggling") }, true},
		{"the config", func() { edit(t, dir, "l10n.toml", "[fallbacks]", "[fallbacks]\nprs = [\"fa\"]") }, true},
		{"a new catalog", func() { write(t, filepath.Join(dir, "locales", "fr.toml"), "") }, true},
		{"an editor's swap file", func() { write(t, filepath.Join(dir, "locales", ".es.toml.swp"), "x") }, false},
		{"a backup file", func() { write(t, filepath.Join(dir, "locales", "es.toml~"), "x") }, false},
		{"public/", func() { write(t, filepath.Join(dir, "public", "index.html"), "x") }, false},
	}
	for _, tt := range tests {
		before := fingerprint(dir)
		tt.change()
		if changed := fingerprint(dir) != before; changed != tt.changes {
			t.Errorf("changing %s changes the fingerprint: %v, want %v", tt.name, changed, tt.changes)
		}
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEventsSayWhenFilesChange opens the event stream of a served page,
// changes a catalog, and waits for "change"; a page rendered from older
// files gets "change" at once.
func TestEventsSayWhenFilesChange(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	ts := httptest.NewServer(New(dir, Options{Poll: 10 * time.Millisecond}))
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/es" + page)
	if err != nil {
		t.Fatal(err)
	}
	html, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := liveReloadRE.FindSubmatch(html)
	if m == nil {
		t.Fatal("the page has no live-reload script")
	}
	// The deadline only stops a hung test.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	events := openEvents(t, ctx, ts.URL+string(m[1]))
	edit(t, dir, "locales/es.toml", "Contrabando de narcóticos", "Contrabando de estupefacientes")
	if err := events.waitFor("event: change"); err != nil {
		t.Errorf("after a catalog changed, the stream sent no change: %v", err)
	}

	old := openEvents(t, ctx, ts.URL+eventsURL("old"))
	if err := old.waitFor("event: change"); err != nil {
		t.Errorf("a page rendered from older files got no change: %v", err)
	}
}

type eventStream struct {
	lines *bufio.Scanner
}

func openEvents(t *testing.T, ctx context.Context, url string) *eventStream {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("GET %s = %d %s, want an event stream", url, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	return &eventStream{bufio.NewScanner(resp.Body)}
}

// waitFor reads the stream until line; it fails when the stream ends,
// as when the context's deadline passes.
func (e *eventStream) waitFor(line string) error {
	for e.lines.Scan() {
		if e.lines.Text() == line {
			return nil
		}
	}
	if err := e.lines.Err(); err != nil {
		return err
	}
	return io.EOF
}

func TestEventStreamsAreBounded(t *testing.T) {
	t.Parallel()
	ts := httptest.NewServer(New(copySite(t), Options{MaxStreams: 1}))
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	openEvents(t, ctx, ts.URL+eventsURL("x"))
	resp, err := http.Get(ts.URL + eventsURL("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("second stream with MaxStreams 1 = %d, want 503", resp.StatusCode)
	}
}
