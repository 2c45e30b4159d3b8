package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/hsi-l10n/l10n/internal/serve"
	"github.com/hsi-l10n/l10n/internal/site"
)

// serveOptions are the flags of l10n serve.
type serveOptions struct {
	addr   string
	pseudo bool
}

func serveCmd() *command {
	var opts serveOptions
	c := &command{
		name:  "serve",
		usage: "l10n serve [-C DIR] [--addr HOST:PORT] [--pseudo]",
		short: "preview the site while translating, at http://127.0.0.1:8080/",
		long: `
Serve shows the site as l10n build writes it, rendered from the files as
they are on disk at each request: save a catalog or a page and the open
pages reload by themselves.

/ sends a reader to their language: the one they last viewed (a cookie),
else the best match of their browser's languages (es-AR → es, zh-TW →
zh-Hant where the site has it), else English. /<locale>/<page>/?review=1
outlines every block in the colour of its state (translated, fallen back,
stale, missing), with its message ID, and a click shows its English.
/_status shows, per locale and page, a bar of translated, stale and
missing messages, the fallback chain, and links into each page's review.

A file that does not parse shows as an error page naming file:line:col;
the server keeps running. With --pseudo, the pseudo-locales en-XA and
ar-XB are served too.

Serve only reads the site. It listens on the loopback address unless
--addr says otherwise, and stops on Ctrl-C.`,
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&opts.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
			fs.BoolVar(&opts.pseudo, "pseudo", false, "add the pseudo-locales en-XA and ar-XB")
		},
	}
	c.run = func(ctx context.Context, s *site.Site, args []string, stdout io.Writer) error {
		return runServe(ctx, c, s, args, stdout, opts)
	}
	return c
}

func runServe(ctx context.Context, c *command, s *site.Site, args []string, stdout io.Writer, opts serveOptions) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, args[0])
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %w; choose another port with --addr", opts.addr, err)
	}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(stdout, "serving %s at %s (status: %s_status); Ctrl-C stops\n", s.Root, url, url)
	stderr := c.stderr
	if stderr == nil {
		stderr = io.Discard
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		fmt.Fprintf(stderr, "l10n serve: listening on %s, not only this machine: anyone who can reach it sees the drafts\n", ln.Addr())
	}
	return serve.Serve(ctx, ln, serve.New(s.Root, serve.Options{Pseudo: opts.pseudo}), stderr)
}
