package content

import (
	"bytes"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// parseYAML decodes YAML front matter, as many Hugo sites write it:
//
//	---
//	title: Narcotics Smuggling
//	updated: 2024-04-22
//	breadcrumbs:
//	  - title: Homeland Security Investigations
//	    url: https://www.ice.gov/…
//	---
//
// It takes the keys TOML front matter takes, and reads values as Hugo
// does: any scalar is text ("title: 2024" is "2024"), and a date is a YAML
// timestamp or a string that is one. The YAML is parsed into nodes, so
// each problem is reported at its key or value; anchors and aliases are
// resolved only for the few values read, so no alias can make it expand.
// A syntax error has no structured position in yaml.v3, only its text
// ("yaml: line 3: …"): it is reported at the opening fence, with the
// lines above the front matter padded so that the line it names is the
// line of the file. See issue 6.
func parseYAML(fm []byte, start int, lines *diag.Lines) (f frontMatter, list diag.List, err error) {
	pad := lines.Pos(start).Line - 1
	var doc yaml.Node
	if err := yaml.Unmarshal(append(bytes.Repeat([]byte("\n"), pad), fm...), &doc); err != nil {
		return f, nil, diag.Errorf(lines.Pos(0), "front matter: %v; fix the YAML syntax", err)
	}
	file := lines.Pos(0).File
	at := func(n *yaml.Node) diag.Pos { return diag.Pos{File: file, Line: n.Line, Col: n.Column} }
	if len(doc.Content) == 0 {
		return f, nil, nil // empty: parseFrontMatter says the title is missing
	}
	root := value(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		return f, nil, diag.Errorf(at(root), "front matter: expected keys and values (title: …), not %s", kindName(root))
	}
	text := func(k, v *yaml.Node) string {
		v = value(v)
		if v.Kind != yaml.ScalarNode {
			list.Add(diag.Errorf(at(v), "front matter: %s is %s; write it as text", k.Value, kindName(v)))
			return ""
		}
		if v.Tag == "!!null" {
			return ""
		}
		return v.Value
	}
	eachKey(root, at, &list, func(k, v *yaml.Node) {
		switch k.Value {
		case "title":
			f.Title = text(k, v)
		case "description":
			f.Description = text(k, v)
		case "updated":
			f.Updated = date(value(v), at, &list)
		case "breadcrumbs":
			f.Breadcrumbs = breadcrumbs(value(v), at, &list)
		default:
			list.Add(diag.Errorf(at(k), "front matter: %s", unknownKey(k.Value)))
		}
	})
	return f, list, nil
}

// eachKey calls f with each key and value of mapping m in file order,
// reporting a key given twice.
func eachKey(m *yaml.Node, at func(*yaml.Node) diag.Pos, list *diag.List, f func(k, v *yaml.Node)) {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := value(m.Content[i]), m.Content[i+1]
		if first, ok := seen[k.Value]; ok {
			list.Add(diag.Errorf(at(k), "front matter: %s is given twice (first on line %d); keep one", k.Value, first.Line))
			continue
		}
		seen[k.Value] = k
		f(k, v)
	}
}

func breadcrumbs(v *yaml.Node, at func(*yaml.Node) diag.Pos, list *diag.List) []frontMatterBC {
	if v.Kind != yaml.SequenceNode {
		list.Add(diag.Errorf(at(v), "front matter: breadcrumbs is %s; write a list of title and url pairs", kindName(v)))
		return nil
	}
	var out []frontMatterBC
	for _, item := range v.Content {
		item = value(item)
		var bc frontMatterBC
		if item.Kind != yaml.MappingNode {
			list.Add(diag.Errorf(at(item), "front matter: a breadcrumb is %s; write title: … and url: …", kindName(item)))
			continue
		}
		eachKey(item, at, list, func(k, v *yaml.Node) {
			v = value(v)
			var s *string
			switch k.Value {
			case "title":
				s = &bc.Title
			case "url":
				s = &bc.URL
			default:
				list.Add(diag.Errorf(at(k), "front matter: %s", unknownKey("breadcrumbs."+k.Value)))
				return
			}
			if v.Kind != yaml.ScalarNode {
				list.Add(diag.Errorf(at(v), "front matter: breadcrumb %s is %s; write it as text", k.Value, kindName(v)))
				return
			}
			if v.Tag != "!!null" {
				*s = v.Value
			}
		})
		out = append(out, bc)
	}
	return out
}

// date reads a YAML timestamp, or a string holding one, as Hugo does.
func date(v *yaml.Node, at func(*yaml.Node) diag.Pos, list *diag.List) time.Time {
	var t time.Time
	if v.Kind == yaml.ScalarNode {
		if err := v.Decode(&t); err == nil {
			return t
		}
		if t, err := time.Parse(time.DateOnly, v.Value); err == nil {
			return t
		}
	}
	list.Add(diag.Errorf(at(v), "front matter: updated is not a date; write it as 2024-04-22"))
	return time.Time{}
}

// value resolves an alias to the node it names.
func value(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	default:
		return "a single value"
	}
}
