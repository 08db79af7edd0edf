package cli

import (
	"fmt"
	"recall/internal/term"
	"sort"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"recall/internal/stats"
	"recall/internal/store"
)

type deckCounts struct {
	Name      string `json:"name"`
	Cards     int    `json:"cards"`
	New       int    `json:"new"`
	Learning  int    `json:"learning"`
	Review    int    `json:"review"`
	Suspended int    `json:"suspended"`
	Due       int    `json:"due"`
}

func newDecksCmd(f *Factory) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "decks",
		Short: "List decks with their card counts",
		Long: `List decks with their cards by state. "due" counts learning and review cards
due now; today's new cards are not in it (recall due counts the whole queue).`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return decksRun(f, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func countDecks(f *Factory) ([]deckCounts, error) {
	st, err := f.Store(true)
	if err != nil {
		return nil, err
	}
	now, err := f.Now()
	if err != nil {
		return nil, err
	}
	infos, err := st.Decks()
	if err != nil {
		return nil, err
	}
	m := map[string]*stats.Counts{}
	for _, d := range infos {
		m[d.Name] = &stats.Counts{}
	}
	err = st.EachCard(func(c *store.Card) error {
		k := m[c.Deck]
		if k == nil {
			k = &stats.Counts{}
			m[c.Deck] = k
		}
		k.Add(c, now)
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]deckCounts, 0, len(m))
	for name, k := range m {
		if k.Cards == 0 {
			continue // a deck whose cards were all deleted is gone for the user
		}
		out = append(out, deckCounts{Name: name, Cards: k.Cards, New: k.New, Learning: k.Learning,
			Review: k.Review, Suspended: k.Suspended, Due: k.Due})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func decksRun(f *Factory, asJSON bool) error {
	ds, err := countDecks(f)
	if err != nil {
		return err
	}
	if asJSON {
		return f.writeJSON(ds)
	}
	if len(ds) == 0 {
		f.hint("No decks yet. Import one with `recall import FILE` or make one with `recall generate DOC --import`.")
		return nil
	}
	tw := tabwriter.NewWriter(f.IO.Out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "cards\tnew\tlearning\treview\tsuspended\tdue\t\tdeck")
	for _, d := range ds {
		fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%d\t%d\t\t%s\n", d.Cards, d.New, d.Learning, d.Review, d.Suspended, d.Due, term.OneLine(d.Name))
	}
	return tw.Flush()
}
