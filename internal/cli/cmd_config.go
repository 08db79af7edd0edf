package cli

import (
	"fmt"
	"recall/internal/term"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"recall/internal/review"
	"recall/internal/sched"
	"recall/internal/store"
)

// rescheduleKeys are settings after which memory states are rebuilt from
// the review log, since they change how past answers are read.
var rescheduleKeys = map[string]bool{"scheduler": true, "fsrs_params": true, "short_term": true}

func newConfigCmd(f *Factory) *cobra.Command {
	var deckName string
	var unset, asJSON bool
	cmd := &cobra.Command{
		Use:   "config [KEY [VALUE]]",
		Short: "Show or change settings (collection-wide, or for one deck with --deck)",
		Long:  configHelp(),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 2 {
				return usagef("config takes at most a key and a value")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return configRun(f, args, deckName, unset, asJSON)
		},
	}
	cmd.Flags().StringVar(&deckName, "deck", "", "show or change the settings of deck `NAME`")
	cmd.Flags().BoolVar(&unset, "unset", false, "remove KEY's value (back to the default)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func configRun(f *Factory, args []string, deckName string, unset, asJSON bool) error {
	write := len(args) == 2 || unset
	st, err := f.Store(!write)
	if err != nil {
		return err
	}
	var d *store.DeckInfo
	if deckName != "" {
		ds, err := st.Decks()
		if err != nil {
			return err
		}
		for i := range ds {
			if ds[i].Name == deckName {
				d = &ds[i]
			}
		}
		if d == nil {
			return fmt.Errorf("no deck named %q; `recall decks` lists them", deckName)
		}
	}
	if len(args) > 0 {
		if err := review.Check(args[0], ""); err != nil {
			return usageError{err}
		}
	}
	switch {
	case unset && len(args) == 1:
		return setConfig(f, st, d, args[0], "")
	case unset:
		return usagef("--unset takes one KEY")
	case len(args) == 2:
		if err := review.Check(args[0], args[1]); err != nil {
			return usageError{err}
		}
		if s, _ := review.Lookup(args[0]); d != nil && !s.PerDeck {
			return usagef("%s is collection-wide; set it without --deck", args[0])
		}
		// Stored in one form, so that "1 10" reads back as "1m 10m" and
		// "SM2" as "sm2".
		return setConfig(f, st, d, args[0], review.Canonical(args[0], args[1]))
	}
	cfg, err := review.LoadConfig(st)
	if err != nil {
		return err
	}
	params, paramsFrom, err := effectiveParams(st, cfg, d)
	if err != nil {
		return err
	}
	get := func(key string) string {
		if key == "fsrs_params" {
			return params
		}
		return cfg.Get(key, d)
	}
	if len(args) == 1 {
		fmt.Fprintln(f.IO.Out, get(args[0]))
		switch {
		case args[0] != "fsrs_params" || paramsFrom == "":
		case paramsFrom == defaultParamsNote:
			f.hint("These are the FSRS-6 defaults; `recall optimize` fits parameters to your reviews.")
		default:
			f.hint("These are the parameters %s.", paramsFrom)
		}
		return nil
	}
	if asJSON {
		m := map[string]string{}
		for _, s := range review.Settings {
			m[s.Key] = get(s.Key)
		}
		return f.writeJSON(m)
	}
	tw := tabwriter.NewWriter(f.IO.Out, 0, 4, 2, ' ', 0)
	for _, s := range review.Settings {
		v := get(s.Key)
		if s.Key == "fsrs_params" {
			// 21 numbers would widen every row of the table.
			v = shorten(v, 24)
		}
		var note string
		switch {
		case d != nil && d.Settings[s.Key] != "":
			note = "this deck"
		case s.Key == "fsrs_params" && paramsFrom != "":
			note = paramsFrom
		case d != nil && !s.PerDeck:
			note = "collection only"
		case v != s.Default:
			note = fmt.Sprintf("collection; default %q", s.Default)
		}
		if note != "" {
			note = "(" + note + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", s.Key, v, note, s.Help)
	}
	return tw.Flush()
}

// effectiveParams is the FSRS parameter list in effect for deck d (nil:
// collection-wide) and, unless it was set with config, where it comes
// from: fsrs_params is empty until set by hand, yet the scheduler uses the
// optimizer's parameters or the defaults, and config must show those.
func effectiveParams(st *store.Store, cfg review.Config, d *store.DeckInfo) (value, from string, err error) {
	if v := cfg.Get("fsrs_params", d); v != "" {
		return v, "", nil
	}
	var fit review.Fitted
	ok, err := st.Params(review.FittedParamsKey, &fit)
	if err != nil {
		return "", "", fmt.Errorf("read fitted parameters: %w", err)
	}
	if ok && len(fit.Params) > 0 {
		return formatParams(fit.Params), "fitted by `recall optimize` on " + fit.Time.Format("2006-01-02"), nil
	}
	return formatParams(sched.DefaultParams[:]), defaultParamsNote, nil
}

// defaultParamsNote marks the FSRS-6 default parameters in config's output.
const defaultParamsNote = "FSRS-6 defaults"

func setConfig(f *Factory, st *store.Store, d *store.DeckInfo, key, value string) error {
	if d != nil {
		if d.Settings == nil {
			d.Settings = map[string]string{}
		}
		if value == "" {
			delete(d.Settings, key)
		} else {
			d.Settings[key] = value
		}
		if err := st.PutDeck(*d); err != nil {
			return err
		}
	} else if err := st.SetConfig(key, value); err != nil {
		return err
	}
	shown := value
	if shown == "" {
		shown = "(default)"
	}
	where := ""
	if d != nil {
		where = " for deck " + d.Name
	}
	fmt.Fprintf(f.IO.Out, "%s = %s%s\n", key, shown, where)
	if rescheduleKeys[key] {
		e, err := f.Engine(false)
		if err != nil {
			return err
		}
		if _, err := st.Backup("reschedule"); err != nil {
			return fmt.Errorf("back up before rescheduling: %w", err)
		}
		n, err := e.Replay()
		if err != nil {
			return fmt.Errorf("reschedule from the review log: %w", err)
		}
		f.hint("Rescheduled %s from their review history.", term.Plural(n, "card"))
	}
	return nil
}

// configHelp lists the settings with what each does, for config --help.
func configHelp() string {
	var b strings.Builder
	b.WriteString(`Show all settings, one setting, or change one. With --deck, a deck gets its
own value of a per-deck setting; --unset returns to the default. Steps take
units s, m, h or d (a bare number is minutes); maximum_interval is in days.

Settings:
`)
	for _, s := range review.Settings {
		fmt.Fprintf(&b, "  %-18s %s (default %q)\n", s.Key, s.Help, s.Default)
	}
	return strings.TrimRight(b.String(), "\n")
}
