// Package cli holds recall's cobra commands and nothing else: each command
// parses its flags into an options struct and calls a run function that
// works through the shared Factory, so tests can drive commands in-process.
package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"recall/internal/prompt"
	"recall/internal/store"
	"recall/internal/tempfile"
	"recall/internal/term"
)

// Exit codes, as documented in the README.
const (
	ExitOK          = 0
	ExitError       = 1
	ExitUsage       = 2
	ExitLocked      = 3
	ExitDamaged     = 4
	ExitInterrupted = 130
)

// Version is set at build time with -ldflags "-X recall/internal/cli.Version=...".
var Version = "0.1.0"

// Main runs recall with the process's arguments and streams and returns
// the exit code.
func Main() int {
	return Run(os.Args[1:], term.System())
}

// Run executes one command line on the given streams.
func Run(args []string, io *term.IO) int {
	f := NewFactory(io)
	ctx, stop := watchInterrupt(f)
	defer stop()
	root := NewRootCmd(f)
	root.SetArgs(args)
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	cmd, err := root.ExecuteContextC(ctx)
	f.close()
	if err == nil {
		return ExitOK
	}
	code := exitCode(err)
	var silent silentError
	if !errors.As(err, &silent) {
		msg := err.Error()
		if code == ExitInterrupted {
			msg = "interrupted; everything answered so far is saved"
		}
		fmt.Fprintln(io.ErrOut, io.ErrText("recall: "+term.Sanitize(msg)))
		if code == ExitUsage && !strings.Contains(msg, "--help") {
			path := "recall"
			if cmd != nil {
				path = cmd.CommandPath()
			}
			fmt.Fprintf(io.ErrOut, "Run '%s --help' for usage.\n", path)
		}
	}
	return code
}

// watchInterrupt returns a context cancelled by Ctrl-C (SIGINT). The review
// and the quiz take it from there (see Factory.OwnInterrupt); any other
// command is ended at once, as a crash would end it, which loses nothing:
// each change to the collection is one transaction, kept whole or not at
// all, and files are written under a temporary name that is removed here.
func watchInterrupt(f *Factory) (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	done := make(chan struct{})
	go func() {
		select {
		case <-sig:
		case <-done:
			return
		}
		cancel()
		if f.ownInterrupt.Load() {
			return
		}
		tempfile.RemoveAll()
		f.progress("") // the status line of a long step, if one is up
		msg := "recall: interrupted"
		if f.writable.Load() {
			msg += "; a change still in progress was not saved"
		}
		fmt.Fprintln(f.IO.ErrOut, f.IO.ErrText(msg))
		os.Exit(ExitInterrupted)
	}()
	return ctx, func() {
		signal.Stop(sig)
		close(done)
		cancel()
	}
}

// usageError marks a mistake in the command line (exit 2).
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// silentError carries an exit code for a failure already reported.
type silentError struct{ code int }

func (e silentError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func exitCode(err error) int {
	var u usageError
	var s silentError
	switch {
	case errors.As(err, &s):
		return s.code
	case errors.As(err, &u):
		return ExitUsage
	case errors.Is(err, store.ErrLocked):
		return ExitLocked
	case errors.Is(err, store.ErrNewer), errors.Is(err, store.ErrDamaged):
		return ExitDamaged
	case errors.Is(err, prompt.ErrInterrupted), errors.Is(err, context.Canceled):
		return ExitInterrupted
	}
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument",
		"invalid argument", "accepts ", "requires at least", "requires at most", "if any flags in the group"} {
		if strings.HasPrefix(msg, p) || strings.Contains(msg, " "+p) {
			return ExitUsage
		}
	}
	return ExitError
}
