package cli

import (
	"fmt"
	"sort"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"recall/internal/sched"
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
		Args:  noArgs,
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
	m := map[string]*deckCounts{}
	for _, d := range infos {
		m[d.Name] = &deckCounts{Name: d.Name}
	}
	err = st.EachCard(func(c *store.Card) error {
		d := m[c.Deck]
		if d == nil {
			d = &deckCounts{Name: c.Deck}
			m[c.Deck] = d
		}
		d.Cards++
		switch {
		case c.Suspended:
			d.Suspended++
		case c.Sched.State == sched.New:
			d.New++
		case c.Sched.State == sched.Review:
			d.Review++
			if !c.Available().After(now) {
				d.Due++
			}
		default:
			d.Learning++
			if !c.Available().After(now) {
				d.Due++
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]deckCounts, 0, len(m))
	for _, d := range m {
		out = append(out, *d)
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
		fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%d\t%d\t\t%s\n", d.Cards, d.New, d.Learning, d.Review, d.Suspended, d.Due, sanitizeLine(d.Name))
	}
	return tw.Flush()
}
