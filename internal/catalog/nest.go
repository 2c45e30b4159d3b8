package catalog

import (
	"strings"

	"github.com/hsi-l10n/l10n/internal/diag"
)

// IDs indexes the IDs of a set of messages (the English catalog) to tell
// which other IDs one go-i18n file cannot hold beside them: go-i18n reads
// a table with message keys as a message, so no message may be a table
// inside another.
type IDs struct {
	ids   map[string]bool
	under map[string]string // proper dotted prefix → the first ID under it
}

// NewIDs indexes the IDs of msgs.
func NewIDs(msgs []*Message) *IDs {
	s := &IDs{ids: make(map[string]bool, len(msgs)), under: map[string]string{}}
	for _, m := range msgs {
		s.ids[m.ID] = true
		for i := 0; i < len(m.ID); i++ {
			if m.ID[i] == '.' {
				if _, ok := s.under[m.ID[:i]]; !ok {
					s.under[m.ID[:i]] = m.ID
				}
			}
		}
	}
	return s
}

// Clash returns an ID of the set that a file cannot hold beside id, an ID
// the set lacks: a dotted prefix of id, with the rest of id, the key
// go-i18n would take for a message ("a.b", "othr" for "a.b.othr": most
// often a misspelt key of message a.b); or else an ID that id is a dotted
// prefix of ("a.b.c", "" for "a.b"). It returns "", "" when id fits.
func (s *IDs) Clash(id string) (other, key string) {
	for i := strings.LastIndexByte(id, '.'); i > 0; i = strings.LastIndexByte(id[:i], '.') {
		if s.ids[id[:i]] {
			return id[:i], id[i+1:]
		}
	}
	return s.under[id], ""
}

// ClashError reports, at m's position, that m cannot be in a file beside
// other; other and key are what [IDs.Clash] returned for m.ID.
func ClashError(m *Message, other, key string) *diag.Error {
	if key != "" {
		return diag.Errorf(m.Pos, "unknown key %q in [%s]; go-i18n keys are %s (go-i18n would read [%s] as a message of its own)", key, other, strings.Join(Keys[1:], ", "), m.ID)
	}
	return diag.Errorf(m.Pos, "[%s] is not a message of the English pages, and a catalog cannot hold it beside [%s], which would be a table inside it; remove it", m.ID, other)
}
