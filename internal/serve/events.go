package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/hsi-l10n/l10n/internal/site"
)

// keepAlive is how often an idle event stream sends a comment, so a
// reader that went away is noticed.
const keepAlive = 15 * time.Second

// eventsURL is the URL of the event stream for a page rendered from the
// files with the given fingerprint.
func eventsURL(version string) string {
	return "/_events?v=" + url.QueryEscape(version)
}

// events streams server-sent events to a page: "change" whenever the
// files' fingerprint differs from the one the page was rendered from (the
// v parameter), at once if it already does.
func (h *Handler) events(w http.ResponseWriter, r *http.Request) {
	select {
	case h.streams <- struct{}{}:
		defer func() { <-h.streams }()
	default:
		w.Header().Set("Retry-After", "5")
		http.Error(w, "too many live-reload streams", http.StatusServiceUnavailable)
		return
	}
	rc := http.NewResponseController(w)
	// A stream lives as long as its page: no write deadline.
	_ = rc.SetWriteDeadline(time.Time{})
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	have := r.URL.Query().Get("v")
	// retry: how soon the browser reconnects after the server restarts.
	if _, err := fmt.Fprint(w, "retry: 1000\n\n"); err != nil || rc.Flush() != nil {
		return
	}
	poll := time.NewTicker(h.opts.Poll)
	defer poll.Stop()
	idle := time.NewTicker(keepAlive)
	defer idle.Stop()
	for {
		if v := fingerprint(h.root); v != have {
			have = v
			if _, err := fmt.Fprintf(w, "event: change\ndata: %s\n\n", v); err != nil || rc.Flush() != nil {
				return
			}
		}
		select {
		case <-r.Context().Done():
			return
		case <-poll.C:
		case <-idle.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}

// fingerprint identifies the state of the files a build reads: the path,
// size and modification time of l10n.toml, content/**/*.md and
// locales/*.toml, the same files package site loads (editors' swap and
// backup files do not count). A file that cannot be read counts as
// missing.
func fingerprint(root string) string {
	var lines []string
	add := func(rel string, info fs.FileInfo) {
		lines = append(lines, fmt.Sprintf("%s %d %d", rel, info.Size(), info.ModTime().UnixNano()))
	}
	if info, err := os.Stat(filepath.Join(root, site.ConfigFile)); err == nil {
		add(site.ConfigFile, info)
	}
	_ = filepath.WalkDir(filepath.Join(root, site.ContentDir), func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || filepath.Ext(path) != ".md" {
			return nil
		}
		if info, err := d.Info(); err == nil {
			rel, _ := filepath.Rel(root, path)
			add(filepath.ToSlash(rel), info)
		}
		return nil
	})
	if entries, err := os.ReadDir(filepath.Join(root, site.LocalesDir)); err == nil {
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".toml") && !strings.HasPrefix(e.Name(), ".") {
				if info, err := e.Info(); err == nil {
					add(site.LocalesDir+"/"+e.Name(), info)
				}
			}
		}
	}
	slices.Sort(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return hex.EncodeToString(sum[:8])
}
