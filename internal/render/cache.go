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

// rendered is what the cache holds of a text. Its plain form is rendered
// only when asked for: few texts (titles, descriptions, chrome) are ever
// shown as plain text, and the many blocks of the body never are.
type rendered struct {
	html              template.HTML
	plain             string
	hasHTML, hasPlain bool
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{m: map[string]rendered{}} }

// html returns Inline(text), from the cache when it has it. A nil cache
// renders every time.
func (c *Cache) html(text string) template.HTML {
	if c == nil {
		return Inline(text)
	}
	c.mu.Lock()
	r := c.m[text]
	c.mu.Unlock()
	if r.hasHTML {
		return r.html
	}
	h := Inline(text)
	// Read the entry again: another goroutine may have added its plain form.
	c.mu.Lock()
	r = c.m[text]
	r.html, r.hasHTML = h, true
	c.m[text] = r
	c.mu.Unlock()
	return h
}

// plain returns Plain(text), from the cache when it has it. A nil cache
// renders every time.
func (c *Cache) plain(text string) string {
	if c == nil {
		return Plain(text)
	}
	c.mu.Lock()
	r := c.m[text]
	c.mu.Unlock()
	if r.hasPlain {
		return r.plain
	}
	p := Plain(text)
	// Read the entry again: another goroutine may have added its HTML.
	c.mu.Lock()
	r = c.m[text]
	r.plain, r.hasPlain = p, true
	c.m[text] = r
	c.mu.Unlock()
	return p
}
