// Package crashpoint marks the file operations of the commands that write
// a site (create, write, sync, rename, link, remove, mkdir), so that a
// test can stop the process right after any one of them, as a crash, a
// power cut or a kill would, and check that the command run again ends
// where one uninterrupted run ends. See issue 18.
//
// In l10n as released, [Done] does nothing. Only a binary built with the
// build tag crashtest counts (crashtest.go): with L10N_CRASH_AT=K it
// kills itself with SIGKILL right after the K-th operation, and with
// L10N_CRASH_LOG=FILE it appends each operation to FILE, one line
// "N op path", so that a test learns how many there are.
package crashpoint

// Done marks that file operation op ("create", "write", "sync",
// "rename", "link", "remove", "mkdir") on path has just completed.
func Done(op, path string) { done(op, path) }
