package frontmatter

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// Replace returns src, the page m was parsed from, with the string at
// each key of repl (a [String.Key]) replaced by its value, written as a
// string of m's format. Every other byte is kept. It parses the result
// and returns an error, naming the key, if any string other than those
// replaced changed, or a replaced one does not read back as given.
func (m *Matter) Replace(src []byte, repl map[string]string) ([]byte, error) {
	if len(repl) == 0 {
		return src, nil
	}
	var b strings.Builder
	last := 0
	done := map[string]bool{}
	for _, s := range m.Strings {
		v, ok := repl[s.Key()]
		if !ok {
			continue
		}
		b.Write(src[last:s.Start])
		b.WriteString(m.encode(v))
		last = s.End
		done[s.Key()] = true
	}
	for _, k := range slices.Sorted(maps.Keys(repl)) {
		if !done[k] {
			return nil, fmt.Errorf("front matter has no string %s to replace", k)
		}
	}
	b.Write(src[last:])
	out := []byte(b.String())
	return out, m.verify(out, repl)
}

func (m *Matter) encode(s string) string {
	switch m.Format {
	case YAML:
		return yamlString(s)
	case JSON:
		return jsonString(s)
	default:
		return tomlString(s)
	}
}

// verify parses out and checks that its strings are m's, with those of
// repl replaced.
func (m *Matter) verify(out []byte, repl map[string]string) error {
	got, err := Parse(out, diag.NewLines("", out))
	if err != nil {
		return fmt.Errorf("front matter does not parse after replacing strings: %w", err)
	}
	if len(got.Strings) != len(m.Strings) {
		return fmt.Errorf("front matter has %d strings after replacing, %d before", len(got.Strings), len(m.Strings))
	}
	for i, s := range m.Strings {
		want, ok := repl[s.Key()]
		if !ok {
			want = s.Value
		}
		g := got.Strings[i]
		if g.Key() != s.Key() || g.Value != want {
			return fmt.Errorf("front matter %s reads back as %s = %q, want %q", s.Key(), g.Key(), g.Value, want)
		}
	}
	return nil
}
