package render

import (
	"html/template"
	"sync"
)

// Cache remembers rendered message texts, so a text shown many times (the
// English of a block in every locale that falls back to it, the chrome on
// every page) is rendered once. It is safe for concurrent use.
//
// The HTML and the plain form of a text are kept apart and each rendered
// only when asked for: few texts (titles, descriptions, chrome) are ever
// shown as plain text, and the many blocks of the body never are.
type Cache struct {
	mu    sync.Mutex
	htmls map[string]template.HTML
	plain map[string]string
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{htmls: map[string]template.HTML{}, plain: map[string]string{}}
}

// html returns Inline(text), from the cache when it has it. A nil cache
// renders every time.
func (c *Cache) html(text string) template.HTML {
	if c == nil {
		return Inline(text)
	}
	return cached(&c.mu, c.htmls, text, Inline)
}

// plainText returns Plain(text), from the cache when it has it. A nil
// cache renders every time.
func (c *Cache) plainText(text string) string {
	if c == nil {
		return Plain(text)
	}
	return cached(&c.mu, c.plain, text, Plain)
}

// cached returns m[text], rendering it with render (outside the lock) and
// keeping it if m has none.
func cached[V any](mu *sync.Mutex, m map[string]V, text string, render func(string) V) V {
	mu.Lock()
	v, ok := m[text]
	mu.Unlock()
	if ok {
		return v
	}
	v = render(text)
	mu.Lock()
	m[text] = v
	mu.Unlock()
	return v
}
