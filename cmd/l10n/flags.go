package main

import (
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hsi-l10n/l10n/internal/locale"
)

// tagFlag is a flag holding one canonical BCP 47 tag.
type tagFlag language.Tag

func (t *tagFlag) String() string {
	if *t == tagFlag(language.Und) {
		return ""
	}
	return language.Tag(*t).String()
}

func (t *tagFlag) Set(v string) error {
	tag, err := locale.Parse(v)
	if err != nil {
		return err
	}
	*t = tagFlag(tag)
	return nil
}

// tagsFlag is a flag holding canonical BCP 47 tags, separated by commas.
type tagsFlag []language.Tag

func (t *tagsFlag) String() string {
	var s []string
	for _, tag := range *t {
		s = append(s, tag.String())
	}
	return strings.Join(s, ",")
}

func (t *tagsFlag) Set(v string) error {
	for _, part := range strings.Split(v, ",") {
		var one tagFlag
		if err := one.Set(strings.TrimSpace(part)); err != nil {
			return err
		}
		if tag := language.Tag(one); !slices.Contains(*t, tag) {
			*t = append(*t, tag)
		}
	}
	return nil
}
