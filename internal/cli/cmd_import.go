package cli

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"recall/internal/term"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"recall/internal/deck"
	"recall/internal/importer"
	"recall/internal/review"
	"recall/internal/sched"
	"recall/internal/store"
)

type importOptions struct {
	Paths       []string
	Format      string
	Deck        string
	DryRun      bool
	JSON        bool
	WithHistory bool
	// HistorySet is true when --with-history was given; otherwise history
	// comes along only from whole collections (.colpkg) and recall's JSON.
	HistorySet bool
	Encoding   string
	Delimiter  string
	Header     string
	TermSep    string
	RowSep     string
	// TermSepSet and RowSepSet say the flags were given (even empty);
	// either makes the import a Quizlet one.
	TermSepSet, RowSepSet bool
	Prune                 bool
}

type importFileJSON struct {
	Path      string `json:"path"`
	Format    string `json:"format"`
	Added     int    `json:"added"`
	Updated   int    `json:"updated"`
	Unchanged int    `json:"unchanged"`
	Skipped   int    `json:"skipped"`
	Renamed   int    `json:"renamed,omitempty"`
	// NewIDs maps the old ID of each card matched after an edit of its
	// front to its new one, for scripts that keep IDs.
	NewIDs map[string]string `json:"new_ids,omitempty"`
	Gone   int               `json:"gone,omitempty"`
	Pruned int               `json:"pruned,omitempty"`
	// PruneHeld says --prune deleted nothing because the file had rows
	// that could not be imported.
	PruneHeld bool `json:"prune_held,omitempty"`
	History   int  `json:"history,omitempty"`
	// Scheduled counts added cards that start from a schedule kept in the
	// file.
	Scheduled int             `json:"scheduled,omitempty"`
	Errors    []lineErrorJSON `json:"errors"`
	// Warnings have the shape of errors (line 0: about the whole file).
	Warnings []lineErrorJSON `json:"warnings,omitempty"`
}

type lineErrorJSON struct {
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// at words the problem as "FILE:LINE: message" (or "FILE: message" when no
// line applies), the form compilers use, so every message of an import
// reads alike and editors can jump to the line.
func (le lineErrorJSON) at(path string) string {
	if le.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", path, le.Line, le.Message)
	}
	return fmt.Sprintf("%s: %s", path, le.Message)
}

type importJSON struct {
	Added     int              `json:"added"`
	Updated   int              `json:"updated"`
	Unchanged int              `json:"unchanged"`
	Skipped   int              `json:"skipped"`
	DryRun    bool             `json:"dry_run,omitempty"`
	Files     []importFileJSON `json:"files"`
}

func newImportCmd(f *Factory) *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import PATH...",
		Short: "Import deck files or folders (recall Markdown, CSV/TSV, Anki, hashcards, ...)",
		Long: `Import deck files or folders of them. The format is detected from the content
(and the extension); --format overrides it. Importing the same file again adds
nothing; edited cards are updated and keep their history.

Formats: md (recall and hashcards Markdown), csv, tsv, anki-text, apkg, colpkg,
anki2, obsidian, quizlet, mnemosyne, mnemosyne-xml, json, revlog.

Quizlet exports are never detected (they have no quoting to recognise): use
--format quizlet, or give --term-sep or --row-sep, which imply it.`,
		Args: minArgs(1, "at least one file or folder"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			opts.HistorySet = cmd.Flags().Changed("with-history")
			opts.TermSepSet, opts.RowSepSet = cmd.Flags().Changed("term-sep"), cmd.Flags().Changed("row-sep")
			return importRun(f, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Format, "format", "", "input format (default: detect)")
	fl.StringVar(&opts.Deck, "deck", "", "put the cards in deck `NAME`")
	fl.BoolVar(&opts.DryRun, "dry-run", false, "report what would change and write nothing")
	fl.BoolVar(&opts.JSON, "json", false, "print the report as JSON")
	fl.BoolVar(&opts.WithHistory, "with-history", false, "bring review history along (default: only from .colpkg and recall JSON; shared .apkg decks carry their author's schedule)")
	fl.StringVar(&opts.Encoding, "encoding", "", "text encoding when not UTF-8: latin1")
	fl.StringVar(&opts.Delimiter, "delimiter", "", "CSV field separator (default: detect)")
	fl.StringVar(&opts.Header, "header", "", "CSV header row: yes or no (default: detect)")
	fl.StringVar(&opts.TermSep, "term-sep", "", "Quizlet: separator between term and definition (default tab; \\t, \\n understood; implies --format quizlet)")
	fl.StringVar(&opts.RowSep, "row-sep", "", "Quizlet: separator between rows (default newline; e.g. '\\n\\n'; implies --format quizlet)")
	fl.BoolVar(&opts.Prune, "prune", false, "delete cards of the imported decks that the files no longer have")
	return cmd
}

func (o *importOptions) readerOptions() (importer.Options, error) {
	io := importer.Options{Deck: o.Deck, Encoding: o.Encoding, WithHistory: o.WithHistory,
		TermSep: o.TermSep, RowSep: o.RowSep}
	if o.Format != "" {
		fm, err := importer.ParseFormat(o.Format)
		if err != nil {
			return io, usageError{err}
		}
		io.Format = fm
	}
	if o.TermSepSet || o.RowSepSet {
		// Other formats have separators of their own (--delimiter) and
		// would ignore these silently, so the flags mean Quizlet.
		switch io.Format {
		case "":
			io.Format = importer.FormatQuizlet
		case importer.FormatQuizlet:
		default:
			return io, usagef("--term-sep and --row-sep are for Quizlet exports, not --format %s; for CSV or TSV use --delimiter", io.Format)
		}
		// An empty separator would split every character apart (or never
		// split at all); it is a slip, such as an unset shell variable.
		if o.TermSepSet && o.TermSep == "" {
			return io, usagef("--term-sep is empty; give the text between term and definition, e.g. --term-sep ' - ' or --term-sep '\\t'")
		}
		if o.RowSepSet && o.RowSep == "" {
			return io, usagef("--row-sep is empty; give the text between rows, e.g. --row-sep ';' or --row-sep '\\n\\n'")
		}
	}
	switch o.Encoding {
	case "", "utf8", "utf-8", "latin1":
	default:
		return io, usagef("--encoding: unknown %q; use latin1 (UTF-8 and UTF-16 with BOM are detected)", o.Encoding)
	}
	if o.Delimiter != "" {
		d := []rune(importer.UnescapeSeparator(o.Delimiter))
		if len(d) != 1 {
			return io, usagef("--delimiter must be one character, e.g. ';' or '\\t'")
		}
		io.Delimiter = d[0]
	}
	switch o.Header {
	case "":
	case "yes", "no":
		h := o.Header == "yes"
		io.Header = &h
	default:
		return io, usagef("--header takes yes or no")
	}
	return io, nil
}

// importMemoryLimit is a soft heap limit for imports: a 100,000-row file
// builds every card and the whole write transaction in memory, and the
// default GC pacing lets the heap double on top of that.
const importMemoryLimit = 128 << 20

func importRun(f *Factory, opts *importOptions) error {
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(importMemoryLimit))
	}
	// The command line is checked before the collection is opened, so a
	// mistake in it neither waits for a lock nor creates a collection.
	ropt, err := opts.readerOptions()
	if err != nil {
		return err
	}
	var e *review.Engine
	if opts.DryRun {
		var discard func()
		if e, discard, err = f.dryRunEngine(); err != nil {
			return err
		}
		defer discard()
	} else if e, err = f.Engine(false); err != nil {
		return err
	}
	st := e.Store
	now, err := f.Now()
	if err != nil {
		return err
	}
	if !opts.DryRun {
		ropt.MediaDir = filepath.Join(filepath.Dir(st.Path()), "media")
	}
	// Clear the status line on every way out, errors included; after the
	// report it only erases the empty line under it.
	defer f.progress("")
	var results []*importer.Result
	var failed []error
	for _, p := range opts.Paths {
		fi, err := os.Stat(p)
		if err != nil {
			return readError(p, err)
		}
		if fi.IsDir() {
			rs, err := importer.ReadDir(p, ropt)
			if err != nil {
				// The files that could be read are imported; the others are
				// reported and make the command fail at the end.
				failed = append(failed, err)
			}
			if len(rs) == 0 && err == nil {
				return fmt.Errorf("%s: no deck files found in this folder (looked for .md, .csv, .tsv, .txt, .apkg, .colpkg, .json, ...)", p)
			}
			results = append(results, rs...)
			continue
		}
		f.progress("reading %s…", p)
		fopt := ropt
		if !opts.HistorySet {
			ext := strings.ToLower(filepath.Ext(p))
			fopt.WithHistory = ext == ".colpkg" || ext == ".json"
		}
		r, err := importer.Read(p, fopt)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	if empty, err := st.Empty(); err == nil && !empty && !opts.DryRun {
		if _, err := st.Backup("import"); err != nil {
			return fmt.Errorf("back up before import: %w", err)
		}
	}
	rep := importJSON{DryRun: opts.DryRun, Files: []importFileJSON{}}
	for _, r := range results {
		fr, err := importOne(f, e.Scheduler, st, r, opts, now)
		if err != nil {
			return err
		}
		rep.Added += fr.Added
		rep.Updated += fr.Updated
		rep.Unchanged += fr.Unchanged
		rep.Skipped += fr.Skipped
		rep.Files = append(rep.Files, fr)
	}
	f.progress("")
	if opts.JSON {
		if err := f.writeJSON(rep); err != nil {
			return err
		}
		return errors.Join(failed...)
	}
	for _, fr := range rep.Files {
		// Errors and warnings in the order of the file's lines, those about
		// the whole file last.
		msgs := append(slices.Clone(fr.Errors), fr.Warnings...)
		slices.SortStableFunc(msgs, func(a, b lineErrorJSON) int {
			return cmp.Compare(uint(a.Line-1), uint(b.Line-1)) // line 0 wraps to the end
		})
		for _, m := range msgs {
			f.hint("%s", m.at(fr.Path))
		}
		// An edited front gives the card a new ID; its history follows,
		// but scripts that hold the old ID need the new one.
		olds := slices.Sorted(maps.Keys(fr.NewIDs))
		for i, old := range olds {
			if i == maxRenamesShown && len(olds) > maxRenamesShown+1 {
				f.hint("%s: %d more cards have new IDs (`--json` lists them all)", fr.Path, len(olds)-i)
				break
			}
			f.hint("%s: card %s is now %s (its front was edited; its history moved with it)", fr.Path, term.OneLine(old), term.OneLine(fr.NewIDs[old]))
		}
		extra := ""
		if fr.Renamed > 0 {
			extra += fmt.Sprintf(", %d matched after an edit", fr.Renamed)
		}
		switch {
		case fr.Gone > 0 && fr.PruneHeld:
			extra += fmt.Sprintf(", %d no longer in the file (kept)", fr.Gone)
		case fr.Gone > 0:
			extra += fmt.Sprintf(", %d no longer in the file (kept; --prune deletes them)", fr.Gone)
		}
		if fr.Pruned > 0 && opts.DryRun {
			extra += fmt.Sprintf(", %d no longer in the file would be deleted", fr.Pruned)
		} else if fr.Pruned > 0 {
			extra += fmt.Sprintf(", %d no longer in the file deleted", fr.Pruned)
		}
		if fr.History > 0 {
			extra += fmt.Sprintf(", %s of history", term.Plural(fr.History, "review"))
		}
		if fr.Scheduled > 0 {
			extra += fmt.Sprintf(", %d with the file's schedule", fr.Scheduled)
		}
		f.printf("%s (%s): %d added, %d updated, %d unchanged, %d skipped%s\n",
			fr.Path, fr.Format, fr.Added, fr.Updated, fr.Unchanged, fr.Skipped, extra)
	}
	if len(rep.Files) > 1 {
		fmt.Fprintf(f.IO.Out, "total: %d added, %d updated, %d unchanged, %d skipped\n", rep.Added, rep.Updated, rep.Unchanged, rep.Skipped)
	}
	if opts.DryRun {
		f.hint("Dry run: nothing was written.")
	}
	return errors.Join(failed...)
}

// maxRenamesShown is how many new IDs an import lists before it counts the
// rest.
const maxRenamesShown = 5

// count fills in the counts of what an import did; a card matched after an
// edit of its front counts as updated.
func (fr *importFileJSON) count(res *store.UpsertResult) {
	fr.Added, fr.Updated, fr.Unchanged = res.Count(store.Added), res.Count(store.Updated), res.Count(store.Unchanged)
	fr.Renamed = res.Count(store.Renamed)
	for _, c := range res.Cards {
		if c.Outcome == store.Renamed {
			if fr.NewIDs == nil {
				fr.NewIDs = map[string]string{}
			}
			fr.NewIDs[c.OldID] = c.ID
		}
	}
	fr.Updated += fr.Renamed
	fr.Gone, fr.Pruned = res.Count(store.Gone), res.Count(store.Pruned)
	fr.History = res.History
}

func importOne(f *Factory, scheduler func(string) (*sched.Scheduler, error), st *store.Store, r *importer.Result,
	opts *importOptions, now time.Time) (importFileJSON, error) {
	fr := importFileJSON{Path: r.Path, Format: string(r.Format), Errors: []lineErrorJSON{}}
	for _, le := range r.Errors {
		fr.Errors = append(fr.Errors, lineErrorJSON{Line: le.Line, Message: le.Message})
	}
	for _, w := range r.Warnings {
		fr.Warnings = append(fr.Warnings, lineErrorJSON{Line: w.Line, Message: w.Message})
	}
	fr.Skipped = len(r.Skipped) + len(r.Errors) // a bad row is skipped too
	for _, s := range r.Skipped {
		fr.Warnings = append(fr.Warnings, lineErrorJSON{Line: s.Line, Message: "skipped: " + s.Message})
	}
	var infos []store.DeckInfo
	var cards []deck.Card
	for _, d := range r.Decks {
		infos = append(infos, store.DeckInfo{Name: d.Name, Description: d.Description, Tags: d.Tags, Source: d.Source, File: absPath(r.Path)})
		cards = append(cards, withDeckTags(d)...)
	}
	uopt := store.UpsertOptions{Now: now, DryRun: opts.DryRun, Prune: opts.Prune}
	unread := len(r.Errors)
	for _, s := range r.Skipped {
		if !s.Duplicate {
			unread++
		}
	}
	if opts.Prune && unread > 0 {
		// A row that could not be read is missing from the batch like a
		// card taken out of the file; pruning would delete its card and
		// the card's history. (A duplicate row's card is in the batch.)
		uopt.Prune = false
		fr.PruneHeld = true
		fr.Warnings = append(fr.Warnings, lineErrorJSON{Message: fmt.Sprintf("--prune deleted nothing: the file has %s that could not be imported, "+
			"whose cards would look removed; fix them and import again with --prune", term.Plural(unread, "item"))})
	}
	if len(r.Reviews) > 0 {
		for _, h := range r.Reviews {
			uopt.History = append(uopt.History, store.HistoryReview{CardID: h.CardID, Time: h.Time,
				Rating: sched.Rating(h.Rating), Duration: h.Duration})
		}
		deckOf := map[string]string{}
		for _, c := range cards {
			deckOf[c.ID] = c.Deck
		}
		uopt.States = func(id string, ev []sched.Event) []sched.Card {
			s, err := scheduler(deckOf[id])
			if err != nil {
				return make([]sched.Card, len(ev))
			}
			return s.States(id, ev)
		}
	}
	// Schedules kept in the file come along unless history was refused.
	if len(r.Start) > 0 && (opts.WithHistory || !opts.HistorySet) {
		deckOf := map[string]string{}
		for _, c := range cards {
			deckOf[c.ID] = c.Deck
		}
		uopt.Start = map[string]sched.Card{}
		for id, st := range r.Start {
			s, err := scheduler(deckOf[id])
			if err != nil {
				return fr, err
			}
			uopt.Start[id] = s.FromSM2(st.Due, st.Interval, st.Ease)
		}
	}
	if len(infos) == 0 && len(cards) == 0 && len(r.Reviews) == 0 {
		return fr, nil
	}
	if len(cards)+len(r.Reviews) >= progressThreshold {
		what := term.Plural(len(cards), "card")
		if len(r.Reviews) > 0 {
			what += " and " + term.Plural(len(r.Reviews), "review")
		}
		f.progress("writing %s from %s…", what, r.Path)
	}
	res, err := st.Upsert(infos, cards, uopt)
	if err != nil {
		return fr, fmt.Errorf("%s: %w", r.Path, err)
	}
	fr.count(res)
	for _, c := range res.Cards {
		if _, ok := uopt.Start[c.ID]; ok && c.Outcome == store.Added {
			fr.Scheduled++
		}
	}
	if missing := len(r.Reviews) - res.History; missing > 0 && r.Format == importer.FormatRevlog {
		fr.Warnings = append(fr.Warnings, lineErrorJSON{Message: fmt.Sprintf("%s not imported: their cards are not in the collection or already have a history"+
			" (`recall eval %s` and `recall optimize --revlog %s` use a history without importing it)", term.Plural(missing, "review"), r.Path, r.Path)})
	}
	return fr, nil
}
