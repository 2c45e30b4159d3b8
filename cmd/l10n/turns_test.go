package main

import (
	"context"
	"os/exec"
	"strings"
	"testing"

	"github.com/hsi-l10n/l10n/internal/site"
	"github.com/hsi-l10n/l10n/internal/sitetree"
)

// TestTwoWritingCommandsTakeTurns starts two different commands that
// write the site as two processes at the same moment: the test holds the
// site lock until both say they are waiting, then lets go, and they race
// for it. Whichever wins, the site they leave must be, byte for byte, the
// site the two leave when run one after the other in that order. See
// issue 18.
func TestTwoWritingCommandsTakeTurns(t *testing.T) {
	t.Parallel()
	bin := l10nBinary(t)
	// Work for both: an English edit for extract, a translator's PO file
	// for import, a Spanish change for build.
	setUp := func(t *testing.T, dir string) {
		editFile(t, dir, "content/narcotics-smuggling.md", "global crime with local impacts.", "global crime with devastating local impacts.")
		crashRun(t, bin, dir, nil, "export", "-locale", "vi", "-format", "po", "-o", "vi.po")
		editFile(t, dir, "vi.po", "msgid \"Skip to main content\"\nmsgstr \"\"", "msgid \"Skip to main content\"\nmsgstr \"Chuyển đến nội dung chính\"")
		editFile(t, dir, "locales/es.toml", `other = "Contrabando de narcóticos"`, `other = "El contrabando de narcóticos"`)
	}
	pairs := [][2][]string{
		{{"extract", "-q"}, {"import", "vi.po"}},
		{{"import", "vi.po"}, {"build", "-q"}},
		{{"extract", "-q"}, {"build", "-q"}},
		{{"import", "vi.po"}, {"build", "-q", "--markdown", "content-l10n"}},
	}
	for _, pair := range pairs {
		a, b := pair[0], pair[1]
		t.Run(a[0]+" and "+strings.Join(b, " "), func(t *testing.T) {
			t.Parallel()
			base := copyPartialSite(t)
			setUp(t, base)

			// The two orders, one command after the other.
			var sequential [2]sitetree.Tree
			for i, order := range [2][2][]string{{a, b}, {b, a}} {
				dir := t.TempDir()
				copyTree(t, base, dir, false, map[uint64]string{})
				crashRun(t, bin, dir, nil, order[0]...)
				crashRun(t, bin, dir, nil, order[1]...)
				sequential[i] = siteTree(t, dir)
			}

			dir := t.TempDir()
			copyTree(t, base, dir, false, map[uint64]string{})
			s, err := site.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			unlock, err := s.Lock(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			cmds := [2]*exec.Cmd{}
			stderrs := [2]*signalWriter{}
			for i, args := range [2][]string{a, b} {
				stderrs[i] = &signalWriter{c: make(chan struct{})}
				cmds[i] = exec.Command(bin, append([]string{"-C", dir}, args...)...)
				cmds[i].Stderr = stderrs[i]
				if err := cmds[i].Start(); err != nil {
					unlock()
					t.Fatal(err)
				}
			}
			for i := range cmds {
				<-stderrs[i].c // each has found the site locked
			}
			unlock()
			for i, c := range cmds {
				if err := c.Wait(); err != nil {
					t.Fatalf("l10n %s: %v\n%s", strings.Join([2][]string{a, b}[i], " "), err, stderrs[i])
				}
				if want := "waiting for another l10n command on this site"; !strings.Contains(stderrs[i].String(), want) {
					t.Errorf("l10n %s stderr = %q, want it to say %q", [2][]string{a, b}[i][0], stderrs[i], want)
				}
			}

			got := siteTree(t, dir)
			ab, ba := sitetree.Diff(got, sequential[0]), sitetree.Diff(got, sequential[1])
			if ab != nil && ba != nil {
				t.Errorf("run together, the two left a site unlike either order:\nagainst %s then %s:\n%s\nagainst %s then %s:\n%s", a[0], b[0], strings.Join(ab, "\n"), b[0], a[0], strings.Join(ba, "\n"))
			}
			switch {
			case sitetree.Diff(sequential[0], sequential[1]) == nil:
				t.Logf("both orders leave the same site, and so did the two together")
			case ab == nil:
				t.Logf("%s took the lock first", a[0])
			case ba == nil:
				t.Logf("%s took the lock first", b[0])
			}
		})
	}
}
