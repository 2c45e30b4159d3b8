package main

// The environment part of the bad-input suite (issue 6): what the txtar
// scripts in testdata/script/bad_*.txt cannot set up. Each test says what
// it needs and skips, saying why, where the machine lacks it.

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/hsi-l10n/l10n/internal/build"
	"github.com/hsi-l10n/l10n/internal/site"
)

// readTree reads every regular file under dir, by slash-separated path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameTree fails t unless got and want hold the same files and bytes.
func sameTree(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(want) == 0 {
		t.Fatalf("%s: no files to compare", what)
	}
	for _, p := range slices.Sorted(func(yield func(string) bool) {
		for p := range want {
			if !yield(p) {
				return
			}
		}
	}) {
		if g, ok := got[p]; !ok {
			t.Errorf("%s: %s is missing", what, p)
		} else if g != want[p] {
			t.Errorf("%s: %s differs", what, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s is extra", what, p)
		}
	}
}

// generatedSite is the shipped site with n generated pages, so that the
// commands have enough work to spread over several cores.
func generatedSite(t *testing.T, n int) string {
	t.Helper()
	dir := copySite(t)
	publishAll(t, dir)
	for i := range n {
		writePage(t, dir, i, 0)
	}
	return dir
}

// TestSameBytesWithOneOrEightProcs runs extract and build of one site
// with GOMAXPROCS=1 and with GOMAXPROCS=8: catalogs and built site are
// byte-identical. It sets GOMAXPROCS for the whole process, so it does
// not run in parallel with other tests (which are paused while it runs).
// See issue 6.
func TestSameBytesWithOneOrEightProcs(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var locales, public []map[string]string
	for _, procs := range []int{1, 8} {
		runtime.GOMAXPROCS(procs)
		dir := generatedSite(t, 12)
		for _, args := range [][]string{{"extract"}, {"build", "-q"}} {
			if code, _, stderr := l10n(t, append([]string{"-C", dir}, args...)...); code != 0 {
				t.Fatalf("GOMAXPROCS=%d: l10n %s: exit %d: %s", procs, args[0], code, stderr)
			}
		}
		locales = append(locales, readTree(t, filepath.Join(dir, "locales")))
		public = append(public, readTree(t, filepath.Join(dir, "public")))
	}
	sameTree(t, "locales/ with GOMAXPROCS=8 against 1", locales[1], locales[0])
	sameTree(t, "public/ with GOMAXPROCS=8 against 1", public[1], public[0])
}

// TestExportToFullDeviceFails writes an export to /dev/full: the write
// error is the command's error, not a silent success. See issue 6.
func TestExportToFullDeviceFails(t *testing.T) {
	t.Parallel()
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full on this system (%v): it is a Linux device", err)
	}
	defer full.Close()
	dir := copySite(t)
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"-C", dir, "export", "-locale", "es"}, full, &stderr)
	if want := "l10n: write /dev/full: no space left on device\n"; code != 1 || stderr.String() != want {
		t.Errorf("l10n export > /dev/full = exit %d, stderr %q; want 1, %q", code, stderr.String(), want)
	}
}

// smallDisk mounts a tmpfs of size bytes on a new folder and returns it;
// it is unmounted at the end of the test. It needs root, and a system
// that lets root mount (not every container does): the test skips
// otherwise.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("a full disk is a small tmpfs, which only root can mount on Linux")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount a tmpfs to fill (%v): run as root on a system that allows mounts", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// fill writes a file into dir until the file system is full, and returns
// its path.
func fill(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling the disk: %v", err)
			}
			return path
		}
	}
}

// TestFullDiskLosesNothing runs extract and build on a site whose disk is
// full: each fails with the system's error, every catalog and the built
// site are as they were, and no temporary file is left. Once there is
// room again, both succeed and every translation is there. See issue 6.
func TestFullDiskLosesNothing(t *testing.T) {
	t.Parallel()
	disk := smallDisk(t, "8m")
	dir := filepath.Join(disk, "site")
	if err := os.CopyFS(dir, os.DirFS(copySite(t))); err != nil {
		t.Fatal(err)
	}
	publishAll(t, dir)
	if code, _, stderr := l10n(t, "-C", dir, "build", "-q"); code != 0 {
		t.Fatalf("build before the disk is full: exit %d: %s", code, stderr)
	}
	writePage(t, dir, 0, 1) // a new page: extract rewrites every catalog
	locales := readTree(t, filepath.Join(dir, "locales"))
	public := readTree(t, filepath.Join(dir, "public"))
	filler := fill(t, disk)

	for _, args := range [][]string{{"extract"}, {"build", "-q"}} {
		code, _, stderr := l10n(t, append([]string{"-C", dir}, args...)...)
		if code != 1 || !strings.Contains(stderr, "no space left on device") {
			t.Errorf("l10n %s on a full disk = exit %d, stderr %q; want 1 and the system's error", args[0], code, stderr)
		}
		sameTree(t, "locales/ after "+args[0]+" on a full disk", readTree(t, filepath.Join(dir, "locales")), locales)
		sameTree(t, "public/ after "+args[0]+" on a full disk", readTree(t, filepath.Join(dir, "public")), public)
		left, _ := filepath.Glob(filepath.Join(dir, ".public.new-*"))
		if len(left) > 0 {
			t.Errorf("l10n %s on a full disk left %v", args[0], left)
		}
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"extract"}, {"build", "-q"}} {
		if code, _, stderr := l10n(t, append([]string{"-C", dir}, args...)...); code != 0 {
			t.Fatalf("l10n %s once there is room: exit %d: %s", args[0], code, stderr)
		}
	}
	after := readTree(t, filepath.Join(dir, "locales"))
	checkTranslations(t, "after the disk was full", []byte(after["es.toml"]), translations(t, []byte(locales["es.toml"])))
	if _, err := os.Stat(filepath.Join(dir, "public", "es", "generated-page-000", "index.html")); err != nil {
		t.Errorf("the build once there is room lacks the new page: %v", err)
	}
}

// TestReadOnlyOutputFolder builds a site whose public/ cannot be written.
// The build does not write into it: it assembles the new site beside it
// and swaps the two, so it succeeds, and public/ holds the new site whole.
// The read-only site is then the standby that the next build must update:
// that build fails, naming the problem, and public/ stays as it was. No
// catalog changes. Root is not stopped by file permissions, so as root the
// build runs as a child process under the user nobody; Go cannot drop
// privileges for one goroutine. See issues 5 and 6.
func TestReadOnlyOutputFolder(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("folder permissions work otherwise on Windows")
	}
	dir := generatedSite(t, 2)
	if code, _, stderr := l10n(t, "-C", dir, "build", "-q"); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr)
	}
	oldSite := readTree(t, filepath.Join(dir, "public"))
	locales := readTree(t, filepath.Join(dir, "locales"))
	writePage(t, dir, 0, 1) // the second build has something new to write
	runBuild := func() (int, string) {
		code, _, stderr := l10n(t, "-C", dir, "build", "-q")
		return code, stderr
	}
	if os.Geteuid() == 0 {
		runBuild = asNobody(t, dir)
	}
	err := filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := os.FileMode(0o444)
		if d.IsDir() {
			mode = 0o555
		}
		return os.Chmod(p, mode)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { // so that t.TempDir can remove it
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
	})

	code, stderr := runBuild()
	if code != 0 {
		t.Fatalf("build beside a read-only public/ = exit %d, stderr %q; want 0: the new site is assembled beside it", code, stderr)
	}
	sameTree(t, "locales/ after a build beside a read-only public/", readTree(t, filepath.Join(dir, "locales")), locales)
	newSite := readTree(t, filepath.Join(dir, "public"))
	for p, data := range oldSite {
		switch {
		case strings.Contains(p, "/generated-page-000/"):
			if !strings.HasSuffix(newSite[p], "</html>\n") {
				t.Errorf("public/%s after a build beside a read-only public/ is not a whole page", p)
			}
		case newSite[p] != data:
			t.Errorf("public/%s changed, though its page did not", p)
		}
	}

	// The read-only site is now the standby, and this build must update it.
	writePage(t, dir, 0, 2)
	code, stderr = runBuild()
	if code != 1 || !strings.Contains(stderr, "permission denied") {
		t.Errorf("build with a read-only standby = exit %d, stderr %q; want 1 and the system's error", code, stderr)
	}
	t.Logf("build with a read-only standby: exit %d: %s", code, stderr)
	sameTree(t, "locales/ after a build with a read-only standby", readTree(t, filepath.Join(dir, "locales")), locales)
	sameTree(t, "public/ after a build with a read-only standby", readTree(t, filepath.Join(dir, "public")), newSite)
}

// asNobody prepares dir for the user nobody (uid and gid 65534): it owns
// the site, and the folders above it may be entered. It returns a
// function that runs l10n build on dir as nobody, in a child process.
func asNobody(t *testing.T, dir string) func() (int, string) {
	t.Helper()
	bin := l10nBinary(t)
	for _, p := range []string{filepath.Dir(dir), filepath.Dir(filepath.Dir(bin)), filepath.Dir(bin), bin} {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, 65534, 65534)
	})
	if err != nil {
		t.Fatal(err)
	}
	return func() (int, string) {
		cmd := exec.Command(bin, "-C", dir, "build", "-q")
		cmd.Env = []string{"HOME=/nonexistent", "PATH=/usr/bin:/bin"}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit):
			return exit.ExitCode(), stderr.String()
		case err != nil:
			t.Skipf("cannot run l10n as the user nobody (%v)", err)
		}
		return 0, stderr.String()
	}
}

// TestLocalesDeletedMidBuild deletes locales/ while a build writes the
// site: a build reads every catalog before it writes, so the site it
// writes is the one it would have written anyway, and a command run
// afterwards says that locales/en.toml is gone. See issue 6.
func TestLocalesDeletedMidBuild(t *testing.T) {
	t.Parallel()
	dir := generatedSite(t, 6)
	if code, _, stderr := l10n(t, "-C", dir, "extract"); code != 0 {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	write := func(public string, progress func(done, total int)) {
		s, err := site.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		in, err := build.Load(s)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := build.Write(context.Background(), in, public, build.Options{Workers: 2, Progress: progress}); err != nil {
			t.Fatalf("build with locales/ deleted midway: %v", err)
		}
	}
	want := filepath.Join(t.TempDir(), "public")
	write(want, nil)
	got := filepath.Join(t.TempDir(), "public")
	var once sync.Once
	deleted := false
	write(got, func(done, total int) {
		once.Do(func() {
			deleted = os.RemoveAll(filepath.Join(dir, "locales")) == nil && done < total
		})
	})
	if !deleted {
		t.Fatal("locales/ was not deleted while the build was writing")
	}
	sameTree(t, "site built while locales/ was deleted", readTree(t, got), readTree(t, want))
	if code, _, stderr := l10n(t, "-C", dir, "check"); code != 1 || !strings.Contains(stderr, "locales/en.toml does not exist; run l10n extract") {
		t.Errorf("check after locales/ was deleted = exit %d, stderr %q; want 1, locales/en.toml does not exist", code, stderr)
	}
}

// TestCIRunsEveryFuzzTarget keeps .ci/run's list of fuzz targets whole:
// every func FuzzX in a test file of this module is run there, briefly.
// See issue 6.
func TestCIRunsEveryFuzzTarget(t *testing.T) {
	t.Parallel()
	ci, err := os.ReadFile(filepath.Join("..", "..", ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^fuzz (\./\S+) (Fuzz\w+) \d+$`).FindAllStringSubmatch(string(ci), -1) {
		listed[m[1]+" "+m[2]] = true
	}
	fuzzRE := regexp.MustCompile(`^func (Fuzz\w+)\(`)
	found := 0
	root := filepath.Join("..", "..")
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules"):
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(p, "_test.go"):
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		pkg, _ := filepath.Rel(root, filepath.Dir(p))
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if m := fuzzRE.FindStringSubmatch(sc.Text()); m != nil {
				found++
				if key := "./" + filepath.ToSlash(pkg) + " " + m[1]; !listed[key] {
					t.Errorf(".ci/run does not run %s: add the line \"fuzz %s N\", N the number of inputs to try", key, key)
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if found == 0 {
		t.Fatal("found no fuzz targets in the module")
	}
}
