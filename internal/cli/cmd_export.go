package cli

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"recall/internal/tempfile"
	"recall/internal/term"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"recall/internal/deck"
	"recall/internal/importer"
	"recall/internal/store"
)

type exportOptions struct {
	Decks       []string
	Format      string
	Output      string
	WithHistory bool
}

func newExportCmd(f *Factory) *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export [DECK...]",
		Short: "Write decks as recall Markdown, JSON, Anki text (tsv), CSV or an Anki package (apkg)",
		Long: `Write decks out. md and json round-trip through 'recall import' (json with the
review history); tsv opens in Anki's text importer; csv has one row per card with
its question and answer as shown (for spreadsheets); apkg is an Anki package.
Text formats go to stdout unless -o is given; md with several decks needs -o FOLDER.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Decks = args
			return exportRun(f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "md", "md, json, tsv, csv or apkg")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `PATH` (a folder for md with several decks)")
	cmd.Flags().BoolVar(&opts.WithHistory, "with-history", false, "apkg: include the review log (json always does)")
	return cmd
}

func exportRun(f *Factory, opts *exportOptions) error {
	switch opts.Format {
	case "md", "json", "tsv", "apkg", "csv":
	default:
		return usagef("--format must be md, json, tsv, csv or apkg, got %q", opts.Format)
	}
	st, err := f.Store(true)
	if err != nil {
		return err
	}
	decks, byNum, err := collectDecks(st, opts.Decks)
	if err != nil {
		return err
	}
	var reviews []importer.Review
	if opts.Format == "json" || opts.WithHistory {
		err := st.EachReview(func(r store.Review) error {
			if id, ok := byNum[r.CardNum]; ok && r.Rating > 0 {
				reviews = append(reviews, importer.Review{CardID: id, Time: r.Time, Rating: int(r.Rating), Duration: r.Duration})
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if opts.Format == "md" && len(decks) > 1 {
		if opts.Output == "" {
			return usagef("%d decks to export as Markdown: name one deck, or give -o FOLDER to write one file per deck", len(decks))
		}
		if err := os.MkdirAll(opts.Output, 0o755); err != nil {
			return err
		}
		for _, d := range decks {
			p := filepath.Join(opts.Output, fileSlug(d.Name)+".md")
			if err := writeFileAtomic(p, func(w io.Writer) error { return deck.Write(w, d) }); err != nil {
				return err
			}
			f.hint("wrote %s (%s)", p, term.Plural(len(d.Cards), "card"))
		}
		return nil
	}
	var all []deck.Card
	for _, d := range decks {
		all = append(all, d.Cards...)
	}
	write := func(w io.Writer) error {
		switch opts.Format {
		case "md":
			return deck.Write(w, decks[0])
		case "json":
			return importer.WriteJSON(w, decks, reviews)
		case "tsv":
			return importer.WriteTSV(w, all)
		case "csv":
			return writeCSV(w, all)
		default:
			return importer.WriteAPKG(w, all, reviews)
		}
	}
	if opts.Output == "" || opts.Output == "-" {
		if opts.Format == "apkg" && f.IO.IsTerminalOut() {
			return usagef("an apkg is binary: give -o FILE.apkg or redirect stdout")
		}
		bw := bufio.NewWriter(f.IO.Out)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	if err := writeFileAtomic(opts.Output, write); err != nil {
		return err
	}
	f.hint("wrote %s (%s)", opts.Output, term.Plural(len(all), "card"))
	return nil
}

// collectDecks gathers the named decks (all when none) as deck.Decks, and
// maps card numbers to IDs for the review log.
func collectDecks(st *store.Store, names []string) ([]deck.Deck, map[uint64]string, error) {
	infos, err := st.Decks()
	if err != nil {
		return nil, nil, err
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	byName := map[string]*deck.Deck{}
	deckTags := map[string][]string{}
	for _, in := range infos {
		if len(want) == 0 || want[in.Name] {
			byName[in.Name] = &deck.Deck{Name: in.Name, Description: in.Description, Tags: in.Tags, Source: in.Source}
			deckTags[in.Name] = in.Tags
		}
	}
	type numbered struct {
		num  uint64
		card deck.Card
	}
	cards := map[string][]numbered{}
	byNum := map[uint64]string{}
	err = st.EachCard(func(c *store.Card) error {
		if len(want) > 0 && !want[c.Deck] {
			return nil
		}
		if byName[c.Deck] == nil {
			byName[c.Deck] = &deck.Deck{Name: c.Deck}
		}
		card := c.Card
		card.Tags = withoutTags(card.Tags, deckTags[c.Deck]) // the front matter carries them
		cards[c.Deck] = append(cards[c.Deck], numbered{c.Num, card})
		byNum[c.Num] = c.ID
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	for n := range want {
		if byName[n] == nil {
			return nil, nil, fmt.Errorf("no deck named %q; `recall decks` lists them", n)
		}
	}

	var out []deck.Deck
	for name, d := range byName {
		cs := cards[name]
		if len(cs) == 0 {
			continue // nothing to write; a deck file needs a card
		}
		sort.Slice(cs, func(i, j int) bool { return cs[i].num < cs[j].num })
		for _, c := range cs {
			d.Cards = append(d.Cards, c.card)
		}
		out = append(out, *d)
	}
	if len(out) == 0 {
		return nil, nil, fmt.Errorf("no cards to export")
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, byNum, nil
}

// writeFileAtomic writes through a temporary file and renames it, so an
// error never leaves half a file behind.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	if err := checkOutputPath(path, ""); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".recall-export-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer tempfile.Track(tmp.Name())()
	bw := bufio.NewWriter(tmp)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func fileSlug(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 127:
			b.WriteRune(r)
		default:
			if !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		s = "deck"
	}
	return s
}

// writeCSV writes one row per card: the question and the answer as the
// learner sees them (a cloze with its gap), the tags and the deck, under a
// header that recall's own CSV import reads back.
func writeCSV(w io.Writer, cards []deck.Card) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"front", "back", "tags", "deck"})
	for _, c := range cards {
		cw.Write([]string{c.Prompt(), c.Answer(), strings.Join(c.Tags, " "), c.Deck})
	}
	cw.Flush()
	return cw.Error()
}
