package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"recall/internal/term"
	"strings"

	"github.com/spf13/cobra"

	"recall/internal/deck"
	"recall/internal/generate"
	"recall/internal/store"
)

type generateOptions struct {
	Docs   []string
	Deck   string
	Output string
	JSON   bool
	Import bool
	Prune  bool
	Max    int
	Types  []string
}

func init() { extraCommands = append(extraCommands, newGenerateCmd) }

func newGenerateCmd(f *Factory) *cobra.Command {
	opts := &generateOptions{}
	cmd := &cobra.Command{
		Use:   "generate DOC...",
		Short: "Make cards from your own documents (text, Markdown, HTML; - for stdin)",
		Long: `Make cards from documents: questions from headings and definitions,
enumerations from lists, clozes for names, dates and numbers. Every card
remembers the passage it came from. The deck goes to stdout as recall Markdown
unless -o, --json or --import says otherwise. -o writes the deck file also
with --import or --json, to keep and edit; --import --json prints the import
report as JSON, as recall import --json does. Regenerating after the document
changed keeps the history of cards whose passage is unchanged.`,
		Args: minArgs(1, "at least one document (or - for stdin)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Docs = args
			return generateRun(f, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Deck, "deck", "", "deck name (default: the document's title)")
	fl.StringVarP(&opts.Output, "output", "o", "", "write the deck to `FILE`")
	fl.BoolVar(&opts.JSON, "json", false, "print the cards as JSON (with --import: the import report)")
	fl.BoolVar(&opts.Import, "import", false, "import the cards into the collection")
	fl.BoolVar(&opts.Prune, "prune", false, "with --import: delete cards whose passage is gone")
	fl.IntVar(&opts.Max, "max", 0, "keep at most `N` cards (the best ones)")
	fl.StringSliceVar(&opts.Types, "types", nil, "card types to make: basic, cloze, typed, reversed (comma-separated; default basic and cloze)")
	return cmd
}

type generatedJSON struct {
	Front  string      `json:"front"`
	Back   string      `json:"back"`
	Type   string      `json:"type"`
	Tags   []string    `json:"tags"`
	Source *sourceJSON `json:"source"`
	ID     string      `json:"id"`
}

func generateRun(f *Factory, opts *generateOptions) error {
	if opts.Max < 0 {
		return usagef("--max must be 0 or more")
	}
	if opts.Prune && !opts.Import {
		return usagef("--prune goes with --import")
	}
	gopt := generate.Options{Deck: opts.Deck, Max: opts.Max}
	for _, t := range opts.Types {
		ty := deck.Type(strings.TrimSpace(t))
		if !ty.Valid() {
			return usagef("--types: unknown card type %q; use basic, cloze, typed or reversed", t)
		}
		gopt.Types = append(gopt.Types, ty)
	}
	if opts.Output != "" {
		// Before the work, so a bad path is not found out after it.
		if err := checkOutputPath(opts.Output, "deck.md"); err != nil {
			return err
		}
	}
	var docs []generate.Document
	for _, name := range opts.Docs {
		var data []byte
		var err error
		if name == "-" {
			data, err = io.ReadAll(f.IO.In)
		} else {
			data, err = os.ReadFile(name)
		}
		if err != nil {
			return readError(name, err)
		}
		docs = append(docs, generate.Document{Name: name, Data: data})
	}
	d, err := generate.Generate(docs, gopt)
	var filtered *generate.TypesFilteredError
	if errors.As(err, &filtered) {
		return fmt.Errorf("%s: the --types filter (%s) removed all %s found; typed cards come from basic cards with short answers"+
			" (at most four words), reversed ones from definitions (\"X is Y\"): add basic or cloze to --types, or leave it out",
			strings.Join(filtered.Docs, ", "), filtered.TypeNames(), term.Plural(filtered.Removed, "card"))
	}
	if err != nil {
		return err
	}
	// -o writes the deck file whatever else is asked, so that a deck
	// imported with --import can still be kept and edited as a file.
	if opts.Output != "" {
		if err := writeFileAtomic(opts.Output, func(w io.Writer) error { return deck.Write(w, d) }); err != nil {
			return err
		}
		f.hint("wrote %s: %s in deck %q", opts.Output, term.Plural(len(d.Cards), "card"), d.Name)
	}
	switch {
	case opts.Import:
		return generateImport(f, d, opts)
	case opts.JSON:
		out := make([]generatedJSON, 0, len(d.Cards))
		for _, c := range d.Cards {
			g := generatedJSON{Front: c.Prompt(), Back: c.Answer(), Type: string(c.Type), Tags: c.Tags, ID: c.ID,
				Source: toSourceJSON(c.Source)}
			if g.Tags == nil {
				g.Tags = []string{}
			}
			out = append(out, g)
		}
		return f.writeJSON(out)
	case opts.Output != "":
		return nil
	}
	return deck.Write(f.IO.Out, d)
}

// generateImport imports the generated deck and reports it like `recall
// import` does: a line of counts, or with --json the same document as
// `recall import --json`, whose one file is the documents.
func generateImport(f *Factory, d deck.Deck, opts *generateOptions) error {
	st, err := f.Store(false)
	if err != nil {
		return err
	}
	now, err := f.Now()
	if err != nil {
		return err
	}
	if empty, _ := st.Empty(); !empty {
		if _, err := st.Backup("generate"); err != nil {
			return err
		}
	}
	// The documents stand for the file, so regenerating from the same ones
	// tells which of their cards are gone.
	var files []string
	for _, doc := range opts.Docs {
		files = append(files, absPath(doc))
	}
	info := store.DeckInfo{Name: d.Name, Description: d.Description, Tags: d.Tags, Source: d.Source,
		File: "generated:" + strings.Join(files, ",")}
	res, err := st.Upsert([]store.DeckInfo{info}, withDeckTags(d), store.UpsertOptions{Now: now, Prune: opts.Prune})
	if err != nil {
		return err
	}
	fr := importFileJSON{Path: strings.Join(opts.Docs, ","), Format: "generate", Errors: []lineErrorJSON{}}
	fr.count(res)
	if opts.JSON {
		return f.writeJSON(importJSON{Added: fr.Added, Updated: fr.Updated, Unchanged: fr.Unchanged,
			Files: []importFileJSON{fr}})
	}
	fmt.Fprintf(f.IO.Out, "%s: %d added, %d updated, %d unchanged\n", term.OneLine(d.Name), fr.Added, fr.Updated, fr.Unchanged)
	for _, c := range res.Cards {
		switch c.Outcome {
		case store.Gone:
			f.hint("passage gone: %s %s (kept; --prune deletes it)", c.ID, shorten(c.Front, 60))
		case store.Pruned:
			f.hint("deleted: %s %s (its passage is gone)", c.ID, shorten(c.Front, 60))
		}
	}
	return nil
}
