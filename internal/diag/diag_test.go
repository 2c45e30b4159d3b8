package diag_test

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"testing"

	"github.com/hsi-l10n/l10n/internal/diag"
)

func TestPosStringDropsUnknownParts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		pos  diag.Pos
		want string
	}{
		{"file only", diag.Pos{File: "locales/es.toml"}, "locales/es.toml"},
		{"file and line", diag.Pos{File: "locales/es.toml", Line: 3}, "locales/es.toml:3"},
		{"file line and column", diag.Pos{File: "locales/es.toml", Line: 3, Col: 9}, "locales/es.toml:3:9"},
		{"column without line is dropped", diag.Pos{File: "a.toml", Col: 9}, "a.toml"},
		{"zero pos", diag.Pos{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.pos.String(); got != tt.want {
				t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
			}
		})
	}
}

func TestErrorFormatsPositionAndMessage(t *testing.T) {
	t.Parallel()
	pos := diag.Pos{File: "content/page.md", Line: 3, Col: 9}
	tests := []struct {
		name string
		err  *diag.Error
		want string
	}{
		{
			name: "error with position",
			err:  diag.Errorf(pos, "front matter: expected %q after key %q", "=", "title"),
			want: `content/page.md:3:9: front matter: expected "=" after key "title"`,
		},
		{
			name: "error with file only",
			err:  diag.Errorf(diag.Pos{File: "locales/es_MX.toml"}, "rename the file es-MX.toml"),
			want: "locales/es_MX.toml: rename the file es-MX.toml",
		},
		{
			name: "error without position",
			err:  diag.Errorf(diag.Pos{}, "no pages in content/"),
			want: "no pages in content/",
		},
		{
			name: "warning with position",
			err:  diag.Warningf(pos, "translation is stale"),
			want: "content/page.md:3:9: warning: translation is stale",
		},
		{
			name: "warning without position",
			err:  diag.Warningf(diag.Pos{}, "no locales"),
			want: "warning: no locales",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestErrorfKeepsWrappedError(t *testing.T) {
	t.Parallel()
	e := diag.Errorf(diag.Pos{File: "a.toml"}, "cannot read: %v", fs.ErrNotExist)
	if !errors.Is(e, fs.ErrNotExist) {
		t.Errorf("errors.Is(%q, fs.ErrNotExist) = false, want true", e)
	}
	if e.Warning {
		t.Errorf("Errorf(...).Warning = true, want false")
	}
	w := diag.Warningf(diag.Pos{File: "a.toml"}, "odd: %v", io.EOF)
	if !errors.Is(w, io.EOF) {
		t.Errorf("errors.Is(%q, io.EOF) = false, want true", w)
	}
	if !w.Warning {
		t.Errorf("Warningf(...).Warning = false, want true")
	}
	if plain := diag.Errorf(diag.Pos{}, "no error argument %d", 1); plain.Err != nil {
		t.Errorf("Errorf without an error argument: Err = %v, want nil", plain.Err)
	}
}

func TestListAddFlattens(t *testing.T) {
	t.Parallel()
	a := diag.Errorf(diag.Pos{File: "a.toml", Line: 1}, "a")
	b := diag.Errorf(diag.Pos{File: "b.toml", Line: 2}, "b")
	c := diag.Warningf(diag.Pos{File: "c.toml", Line: 3}, "c")
	plain := errors.New("plain")

	var l diag.List
	l.Add(nil)
	l.Add(a)
	l.Add(diag.List{b, c})
	l.Add(fmt.Errorf("while checking: %w", diag.List{b}))
	l.Add(diag.List{})
	l.Add(plain)

	want := []string{"a.toml:1: a", "b.toml:2: b", "c.toml:3: warning: c", "b.toml:2: b", "plain"}
	if len(l) != len(want) {
		t.Fatalf("after Add: list has %d entries %q, want %d %q", len(l), l.Error(), len(want), want)
	}
	for i, e := range l {
		if got := e.Error(); got != want[i] {
			t.Errorf("entry %d = %q, want %q", i, got, want[i])
		}
	}
	if l[0] != a {
		t.Errorf("Add(*Error) stored a copy, want the same *Error")
	}
	last := l[len(l)-1]
	if last.Pos != (diag.Pos{}) {
		t.Errorf("Add(plain error): Pos = %v, want no position", last.Pos)
	}
	if !errors.Is(last, plain) {
		t.Errorf("Add(plain error): entry does not wrap the original error")
	}
}

func TestListSortOrdersByFileLineColumnMessage(t *testing.T) {
	t.Parallel()
	l := diag.List{
		diag.Errorf(diag.Pos{File: "b.toml", Line: 1, Col: 1}, "x"),
		diag.Errorf(diag.Pos{File: "a.toml", Line: 10, Col: 1}, "x"),
		diag.Errorf(diag.Pos{File: "a.toml", Line: 2, Col: 5}, "z"),
		diag.Errorf(diag.Pos{File: "a.toml", Line: 2, Col: 5}, "y"),
		diag.Errorf(diag.Pos{File: "a.toml", Line: 2, Col: 3}, "z"),
		diag.Errorf(diag.Pos{File: "a.toml"}, "whole file"),
		diag.Errorf(diag.Pos{}, "no position"),
	}
	l.Sort()
	want := []string{
		"no position",
		"a.toml: whole file",
		"a.toml:2:3: z",
		"a.toml:2:5: y",
		"a.toml:2:5: z",
		"a.toml:10:1: x", // numeric, not string, order of lines
		"b.toml:1:1: x",
	}
	for i, e := range l {
		if got := e.Error(); got != want[i] {
			t.Errorf("after Sort, entry %d = %q, want %q", i, got, want[i])
		}
	}
}

func TestListErr(t *testing.T) {
	t.Parallel()
	warning := diag.Warningf(diag.Pos{File: "a.toml"}, "w")
	failure := diag.Errorf(diag.Pos{File: "a.toml"}, "e")
	tests := []struct {
		name    string
		list    diag.List
		wantErr bool
	}{
		{"nil list", nil, false},
		{"empty list", diag.List{}, false},
		{"warnings only", diag.List{warning, warning}, false},
		{"one error", diag.List{failure}, true},
		{"error among warnings", diag.List{warning, failure, warning}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.list.Err()
			if (err != nil) != tt.wantErr {
				t.Errorf("Err() = %v, want error: %v", err, tt.wantErr)
			}
			if got := tt.list.HasErrors(); got != tt.wantErr {
				t.Errorf("HasErrors() = %v, want %v", got, tt.wantErr)
			}
			if err == nil {
				return
			}
			var l diag.List
			if !errors.As(err, &l) || len(l) != len(tt.list) {
				t.Errorf("Err() = %v, want the whole list of %d entries", err, len(tt.list))
			}
		})
	}
}

func TestListErrorPrintsOnePerLine(t *testing.T) {
	t.Parallel()
	l := diag.List{
		diag.Errorf(diag.Pos{File: "a.toml", Line: 1, Col: 2}, "first"),
		diag.Warningf(diag.Pos{File: "b.toml"}, "second"),
	}
	want := "a.toml:1:2: first\nb.toml: warning: second"
	if got := l.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestLinesPosCountsCharacters(t *testing.T) {
	t.Parallel()
	// Line 1 "añb": ñ is 2 bytes. Line 2 "中文x": each Han character is 3
	// bytes. Line 3 is empty; line 4 "é" ends the file without newline.
	src := []byte("añb\n中文x\n\né")
	lines := diag.NewLines("content/page.md", src)
	tests := []struct {
		name      string
		off       int
		line, col int
	}{
		{"start of file", 0, 1, 1},
		{"after two-byte character", 3, 1, 3},
		{"newline ends its line", 4, 1, 4},
		{"start of second line", 5, 2, 1},
		{"after two three-byte characters", 11, 2, 3},
		{"empty line", 13, 3, 1},
		{"last line", 14, 4, 1},
		{"end of file", len(src), 4, 2},
		{"past the end is clamped", len(src) + 10, 4, 2},
		{"negative is clamped", -5, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			want := diag.Pos{File: "content/page.md", Line: tt.line, Col: tt.col}
			if got := lines.Pos(tt.off); got != want {
				t.Errorf("Pos(%d) = %v, want %v", tt.off, got, want)
			}
		})
	}
}

func TestLinesPosHandlesCRLF(t *testing.T) {
	t.Parallel()
	lines := diag.NewLines("a.toml", []byte("ab\r\ncd\r\n"))
	if got, want := lines.Pos(5), (diag.Pos{File: "a.toml", Line: 2, Col: 2}); got != want {
		t.Errorf("Pos(5) = %v, want %v", got, want)
	}
}

func TestLinesLine(t *testing.T) {
	t.Parallel()
	lines := diag.NewLines("a.toml", []byte("x\ny\n"))
	if got, want := lines.Line(2), (diag.Pos{File: "a.toml", Line: 2, Col: 1}); got != want {
		t.Errorf("Line(2) = %v, want %v", got, want)
	}
}
