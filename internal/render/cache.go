package render

import (
	"html/template"
	"sync"
)

// Cache remembers rendered message texts, so a text shown many times (the
// English of a block in every locale that falls back to it, the chrome on
// every page) is rendered once. It is safe for concurrent use.
type Cache struct {
	mu sync.Mutex
	m  map[string]rendered
}

type rendered struct {
	html  template.HTML
	plain string
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{m: map[string]rendered{}} }

// render returns Inline(text) and Plain(text), from the cache when it
// has them. A nil cache renders every time.
func (c *Cache) render(text string) (template.HTML, string) {
	if c == nil {
		return Inline(text), Plain(text)
	}
	c.mu.Lock()
	r, ok := c.m[text]
	c.mu.Unlock()
	if !ok {
		r = rendered{Inline(text), Plain(text)}
		c.mu.Lock()
		c.m[text] = r
		c.mu.Unlock()
	}
	return r.html, r.plain
}
