package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// NewRootCmd builds the recall command tree.
func NewRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "recall",
		Short: "Learn with flashcards and quizzes, with spaced repetition",
		Long: `recall keeps your flashcards and schedules each review for the moment you are
about to forget it (FSRS-6). Run it without arguments for today's review.`,
		Version:       Version,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDefault(f, cmd)
		},
	}
	root.SetVersionTemplate("recall {{.Version}}\n")
	root.SuggestionsMinimumDistance = 2
	root.PersistentFlags().StringVar(&f.DB, "db", "", "collection file `PATH` (env RECALL_DB; default $XDG_DATA_HOME/recall/collection.db)")
	root.PersistentFlags().StringVar(&f.NowFlag, "now", "", "pretend the current time is `TIME` (RFC 3339, or YYYY-MM-DD for noon that day; env RECALL_NOW)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usageError{plainFlagError(err)} })
	// A bad --now or RECALL_NOW fails every command the same way, before it
	// touches anything.
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		_, err := f.Now()
		return err
	}
	root.AddCommand(
		newImportCmd(f),
		newDecksCmd(f),
		newDueCmd(f),
		newAnswerCmd(f),
		newUndoCmd(f),
		newCardCmd(f),
		newSearchCmd(f),
		newExportCmd(f),
		newConfigCmd(f),
		newBackupCmd(f),
		newRestoreCmd(f),
		newDoctorCmd(f),
	)
	for _, add := range extraCommands {
		root.AddCommand(add(f))
	}
	return root
}

// extraCommands lets command files register themselves, so the root does
// not need to change when a command is added.
var extraCommands []func(*Factory) *cobra.Command

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 && cmd.HasSubCommands() {
		if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
			return usagef("unknown command %q for %s; did you mean %q?", args[0], cmd.CommandPath(), s[0])
		}
		return usagef("unknown command %q for %s; see '%s --help' for the commands", args[0], cmd.CommandPath(), cmd.CommandPath())
	}
	if len(args) > 0 {
		return usagef("%s takes no arguments, got %q; see '%s --help'", cmd.CommandPath(), args[0], cmd.CommandPath())
	}
	return nil
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return usagef("%s takes only %s; %q is one argument too many; see '%s --help'",
				commandName(cmd), what, args[n], cmd.CommandPath())
		}
		return minArgs(n, what)(cmd, args)
	}
}

func minArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef("%s needs %s; see '%s --help'", commandName(cmd), what, cmd.CommandPath())
		}
		return nil
	}
}

// commandName is the command's path without the program's name, which the
// error line already starts with.
func commandName(cmd *cobra.Command) string {
	return strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
}

// writeJSON prints exactly one JSON document.
func (f *Factory) writeJSON(v any) error {
	enc := json.NewEncoder(f.IO.Out)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// plainFlagError rewords a flag value that does not parse: pflag's message
// ends with the parser's own ("strconv.ParseUint: parsing "abc": invalid
// syntax"), which tells the user nothing they can act on.
func plainFlagError(err error) error {
	var iv *pflag.InvalidValueError
	if !errors.As(err, &iv) || iv.GetFlag() == nil {
		return err
	}
	name := "--" + iv.GetFlag().Name
	if sh := iv.GetFlag().Shorthand; sh != "" {
		name = "-" + sh + "/" + name // the user may have typed either
	}
	typ := iv.GetFlag().Value.Type()
	var want string
	switch {
	case strings.HasPrefix(typ, "uint"):
		want = "a whole number of 0 or more"
	case strings.HasPrefix(typ, "int"):
		want = "a whole number"
	case strings.HasPrefix(typ, "float"):
		want = "a number"
	case typ == "duration":
		want = "a duration such as 90s, 5m or 1h30m"
	case typ == "bool":
		want = "true or false"
	default:
		return err
	}
	var num *strconv.NumError
	if errors.As(err, &num) && errors.Is(num.Err, strconv.ErrRange) {
		return fmt.Errorf("%s: %q is out of range", name, iv.GetValue())
	}
	return fmt.Errorf("%s: %q is not %s", name, iv.GetValue(), want)
}
