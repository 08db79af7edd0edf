package cli

import (
	"bytes"
	"fmt"
	"recall/internal/term"
	"strings"

	"github.com/spf13/cobra"

	"recall/decks"
	"recall/internal/deck"
	"recall/internal/store"
)

// runDefault is `recall` without arguments: load the built-in decks into an
// empty collection, then start today's review (or, without a terminal, list
// what is due and how to answer it).
func runDefault(f *Factory, cmd *cobra.Command) error {
	loaded, err := loadBuiltins(f)
	if err != nil {
		return err
	}
	if f.IO.CanPrompt() {
		return reviewRun(f, &reviewOptions{NewLimit: -1, ReviewLimit: -1, Intro: loaded})
	}
	if loaded != "" {
		f.hint("%s", loaded)
	}
	return dueRun(f, &dueOptions{})
}

// loadBuiltins imports the built-in decks when the collection has no cards
// and returns what it says about that ("" when nothing was loaded).
func loadBuiltins(f *Factory) (string, error) {
	st, err := f.Store(false)
	if err != nil {
		return "", err
	}
	empty, err := st.Empty()
	if err != nil || !empty {
		return "", err
	}
	now, err := f.Now()
	if err != nil {
		return "", err
	}
	var said []string
	for _, file := range decks.Builtin() {
		d, err := deck.Parse("decks/"+file.Name, bytes.NewReader(file.Data))
		if err != nil {
			return "", fmt.Errorf("built-in deck: %w", err)
		}
		info := store.DeckInfo{Name: d.Name, Description: d.Description, Tags: d.Tags, Source: d.Source, File: "built-in:" + file.Name}
		res, err := st.Upsert([]store.DeckInfo{info}, withDeckTags(d), store.UpsertOptions{Now: now})
		if err != nil {
			return "", fmt.Errorf("load built-in deck %s: %w", d.Name, err)
		}
		said = append(said, fmt.Sprintf("Your collection was empty, so recall loaded the built-in deck %q (%s) into %s.",
			d.Name, term.Plural(res.Count(store.Added), "card"), st.Path()))
	}
	return strings.Join(said, "\n"), nil
}
