package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress returns a callback that draws a progress bar on w (units done,
// such as pages or catalogs, rate, time left) when w is a terminal and
// quiet is false, and nil otherwise: no bar in logs, pipes or tests. The
// bar appears only once a job has run for a second, so short runs print
// nothing of it.
func progress(w io.Writer, quiet bool, what, units string) (update func(done, total int), finish func()) {
	f, ok := w.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil, func() {}
	}
	var bar *progressbar.ProgressBar
	start := time.Now()
	return func(done, total int) {
			if bar == nil && time.Since(start) < time.Second {
				return
			}
			if bar == nil {
				bar = progressbar.NewOptions(total,
					progressbar.OptionSetWriter(w),
					progressbar.OptionSetDescription(what),
					progressbar.OptionShowCount(),
					progressbar.OptionShowIts(),
					progressbar.OptionSetItsString(units),
					progressbar.OptionSetPredictTime(true),
					progressbar.OptionSetVisibility(true),
					progressbar.OptionThrottle(100*time.Millisecond),
					progressbar.OptionSetRenderBlankState(false),
					progressbar.OptionClearOnFinish(),
				)
			}
			_ = bar.Set(done)
		}, func() {
			if bar != nil {
				_ = bar.Finish()
			}
		}
}
