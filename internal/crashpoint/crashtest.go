//go:build crashtest

package crashpoint

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
)

// The test hook: built only with -tags crashtest, never into the command
// as released. Its state is set from the environment at the first
// operation.
var hook struct {
	once sync.Once
	at   int64    // L10N_CRASH_AT; 0: never
	log  *os.File // L10N_CRASH_LOG; nil: none
	n    atomic.Int64
	mu   sync.Mutex // one log line at a time
}

func done(op, path string) {
	hook.once.Do(func() {
		hook.at, _ = strconv.ParseInt(os.Getenv("L10N_CRASH_AT"), 10, 64)
		if name := os.Getenv("L10N_CRASH_LOG"); name != "" {
			hook.log, _ = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		}
	})
	n := hook.n.Add(1)
	if hook.log != nil {
		hook.mu.Lock()
		fmt.Fprintf(hook.log, "%d %s %s\n", n, op, path)
		hook.mu.Unlock()
	}
	if n == hook.at {
		// As a kill would: no deferred function runs, no buffer is
		// flushed, no temporary file is removed.
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {}
	}
}
