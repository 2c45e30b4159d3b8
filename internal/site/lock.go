//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package site

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// LockFile is the lock file in the site root that serializes l10n
// commands that write the site.
//
// It is created when first needed and never deleted. Deleting a flock file
// races: a process that opened the file just before another deleted it
// would lock the deleted file, while a third creates and locks a new one,
// and both believe they hold the site. An empty file that stays is the
// price of a lock that cannot be fooled.
const LockFile = ".l10n.lock"

// lockPoll is how often Lock tries again while another process holds the
// lock. flock(2) cannot be interrupted by a context, so Lock polls with a
// non-blocking flock instead of blocking in a goroutine it could not stop.
const lockPoll = 50 * time.Millisecond

// Lock takes an exclusive advisory lock on the site (flock(2) on
// [LockFile]), so that two l10n processes that write the same site do not
// interleave: the second waits until the first is done, then reads what
// the first wrote. Lock calls waiting once, if it is not nil, when another
// process holds the lock and it has to wait; it gives up with an error
// when ctx is done. Call unlock when the writes are done; the kernel also
// releases the lock when the process ends, even when it is killed, so a
// crashed command never leaves the site locked. While s holds the lock,
// LoadPages keeps the pages it parsed in the page cache (see PageCache).
//
// The lock is advisory: it binds l10n commands, not editors or other
// tools writing the same files. Lock exists on the systems that have
// flock(2), Linux first among them.
func (s *Site) Lock(ctx context.Context, waiting func()) (unlock func(), err error) {
	path := s.Path(LockFile)
	// O_CLOEXEC (set by os.OpenFile) keeps the lock out of child processes.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	unlock = func() {
		s.locked.Store(false)
		// Closing the last descriptor releases the lock; unlocking first
		// says so explicitly.
		_ = flock(f, syscall.LOCK_UN)
		_ = f.Close()
	}
	held, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	if held {
		s.locked.Store(true)
		return unlock, nil
	}
	if waiting != nil {
		waiting()
	}
	tick := time.NewTicker(lockPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("gave up waiting for another l10n command on this site (it holds %s): %w", LockFile, ctx.Err())
		case <-tick.C:
		}
		held, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		if held {
			s.locked.Store(true)
			return unlock, nil
		}
	}
}

// tryLock takes the exclusive lock on f without blocking and reports
// whether it got it; false means another open file description holds it.
func tryLock(f *os.File) (bool, error) {
	err := flock(f, syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, nil
	}
	if err != nil {
		return false, &os.PathError{Op: "flock", Path: f.Name(), Err: err}
	}
	return true, nil
}

// flock calls flock(2) on f, again when a signal interrupted it.
func flock(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
