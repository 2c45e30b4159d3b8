package main

import (
	"bytes"
	"context"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// notifyBuffer is a buffer safe for concurrent use that says when it is
// written to.
type notifyBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	written chan struct{}
}

func newNotifyBuffer() *notifyBuffer { return &notifyBuffer{written: make(chan struct{}, 1)} }

func (b *notifyBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n, err := b.buf.Write(p)
	select {
	case b.written <- struct{}{}:
	default:
	}
	return n, err
}

func (b *notifyBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var servingRE = regexp.MustCompile(`^serving .* at (http://127\.0\.0\.1:\d+/) \(status: http://127\.0\.0\.1:\d+/_status\); Ctrl-C stops\n$`)

// TestServeAnswersUntilCancelled runs l10n serve on a free loopback port,
// asks it for a page by language and for the dashboard, and stops it.
func TestServeAnswersUntilCancelled(t *testing.T) {
	dir := copySite(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := newNotifyBuffer(), newNotifyBuffer()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-C", dir, "serve", "--addr", "127.0.0.1:0", "--pseudo"}, stdout, stderr)
	}()

	// The deadline only stops a hung test.
	deadline := time.After(60 * time.Second)
	var url string
	for url == "" {
		select {
		case <-stdout.written:
			if m := servingRE.FindStringSubmatch(stdout.String()); m != nil {
				url = m[1]
			}
		case code := <-done:
			t.Fatalf("l10n serve exited %d before serving: %s%s", code, stdout, stderr)
		case <-deadline:
			t.Fatalf("l10n serve printed no address: %q", stdout)
		}
	}

	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Accept-Language", "es-AR,es;q=0.9")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/es/narcotics-smuggling/" {
		t.Errorf("GET / in Spanish = %d to %q, want 302 to /es/narcotics-smuggling/", resp.StatusCode, resp.Header.Get("Location"))
	}
	for _, path := range []string{"_status", "en-XA/narcotics-smuggling/"} {
		resp, err := client.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET /%s = %d, want 200", path, resp.StatusCode)
		}
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 || stderr.String() != "" {
			t.Errorf("l10n serve stopped with exit %d, stderr %q; want 0 and nothing", code, stderr)
		}
	case <-deadline:
		t.Fatal("l10n serve did not stop when its context ended")
	}
}

func TestServeMisuse(t *testing.T) {
	dir := copySite(t)
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"-C", dir, "serve", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"-C", dir, "serve", "--addr", "127.0.0.1:notaport"}, 1, "--addr 127.0.0.1:notaport: "},
	}
	for _, tt := range tests {
		code, _, stderr := l10n(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("l10n %q = exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.stderr)
		}
	}
}
