package po

import (
	"errors"
	"strings"
)

// expr is a compiled gettext plural expression: the index of the form for
// n, or false where it cannot be evaluated (a division by zero).
type expr func(n uint64) (uint64, bool)

// parseExpr compiles a gettext plural expression: C's ?:, ||, &&, ==, !=,
// <, >, <=, >=, +, -, *, /, %, ! and parentheses over n and whole numbers,
// with C's precedence, evaluated in unsigned arithmetic as gettext does.
// On an error it returns the byte offset in s where it found it.
func parseExpr(s string) (expr, int, error) {
	p := &exprParser{s: s}
	e, err := p.cond()
	if err == nil {
		p.space()
		if p.i < len(p.s) {
			err = errors.New("unexpected text")
		}
	}
	if err != nil {
		return nil, p.i, err
	}
	return e, 0, nil
}

type exprParser struct {
	s string
	i int
}

func (p *exprParser) space() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.i]) >= 0 {
		p.i++
	}
}

// eat consumes op if the input continues with it (and not with a longer
// operator that starts with it).
func (p *exprParser) eat(op string) bool {
	p.space()
	if !strings.HasPrefix(p.s[p.i:], op) {
		return false
	}
	rest := p.s[p.i+len(op):]
	if (op == "<" || op == ">" || op == "!") && strings.HasPrefix(rest, "=") {
		return false
	}
	p.i += len(op)
	return true
}

func (p *exprParser) cond() (expr, error) {
	c, err := p.binary(0)
	if err != nil || !p.eat("?") {
		return c, err
	}
	a, err := p.cond()
	if err != nil {
		return nil, err
	}
	if !p.eat(":") {
		return nil, errors.New(`expected ":"`)
	}
	b, err := p.cond()
	if err != nil {
		return nil, err
	}
	return func(n uint64) (uint64, bool) {
		v, ok := c(n)
		if !ok {
			return 0, false
		}
		if v != 0 {
			return a(n)
		}
		return b(n)
	}, nil
}

// levels are the binary operators from the loosest to the tightest.
var levels = [][]string{{"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}}

func (p *exprParser) binary(level int) (expr, error) {
	if level == len(levels) {
		return p.unary()
	}
	left, err := p.binary(level + 1)
	if err != nil {
		return nil, err
	}
	for {
		op := ""
		for _, o := range levels[level] {
			if p.eat(o) {
				op = o
				break
			}
		}
		if op == "" {
			return left, nil
		}
		right, err := p.binary(level + 1)
		if err != nil {
			return nil, err
		}
		left = apply(op, left, right)
	}
}

func apply(op string, a, b expr) expr {
	return func(n uint64) (uint64, bool) {
		x, ok := a(n)
		if !ok {
			return 0, false
		}
		// || and && short-circuit, as in C.
		switch {
		case op == "||" && x != 0:
			return 1, true
		case op == "&&" && x == 0:
			return 0, true
		}
		y, ok := b(n)
		if !ok {
			return 0, false
		}
		switch op {
		case "||", "&&":
			return truth(y != 0), true
		case "==":
			return truth(x == y), true
		case "!=":
			return truth(x != y), true
		case "<":
			return truth(x < y), true
		case ">":
			return truth(x > y), true
		case "<=":
			return truth(x <= y), true
		case ">=":
			return truth(x >= y), true
		case "+":
			return x + y, true
		case "-":
			return x - y, true
		case "*":
			return x * y, true
		}
		if y == 0 {
			return 0, false
		}
		if op == "/" {
			return x / y, true
		}
		return x % y, true
	}
}

func truth(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func (p *exprParser) unary() (expr, error) {
	if p.eat("!") {
		e, err := p.unary()
		if err != nil {
			return nil, err
		}
		return func(n uint64) (uint64, bool) {
			v, ok := e(n)
			return truth(v == 0), ok
		}, nil
	}
	p.space()
	switch {
	case p.i >= len(p.s):
		return nil, errors.New("unexpected end")
	case p.s[p.i] == 'n':
		p.i++
		return func(n uint64) (uint64, bool) { return n, true }, nil
	case p.s[p.i] >= '0' && p.s[p.i] <= '9':
		var v uint64
		for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			if v > (1<<63)/10 {
				return nil, errors.New("number too large")
			}
			v = v*10 + uint64(p.s[p.i]-'0')
			p.i++
		}
		return func(uint64) (uint64, bool) { return v, true }, nil
	case p.eat("("):
		e, err := p.cond()
		if err != nil {
			return nil, err
		}
		if !p.eat(")") {
			return nil, errors.New(`expected ")"`)
		}
		return e, nil
	}
	return nil, errors.New("expected n, a number or (")
}
