package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"recall/internal/store"
	"recall/internal/term"
)

func newBackupCmd(f *Factory) *cobra.Command {
	var list, asJSON bool
	cmd := &cobra.Command{
		Use:   "backup",
		Short: "Copy the collection to its backup folder (or list backups)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if list {
				// Listing works without opening the collection, which may be
				// damaged (that is when backups matter) or in use.
				path, _, err := f.DBPath()
				if err != nil {
					return err
				}
				all, err := store.ListBackups(path)
				if err != nil {
					return err
				}
				if asJSON {
					if all == nil {
						all = []string{}
					}
					return f.writeJSON(all)
				}
				// Names only, with the folder said once: they are what
				// `recall restore NAME` takes, and full paths made every
				// line too long to read.
				for _, p := range all {
					fmt.Fprintln(f.IO.Out, filepath.Base(p))
				}
				if len(all) == 0 {
					f.hint("No backups yet in %s.", store.BackupDirFor(path))
				} else {
					f.hint("%s in %s, newest first; bring one back with `recall restore NAME`.",
						term.Plural(len(all), "backup"), store.BackupDirFor(path))
				}
				return nil
			}
			st, err := f.Store(false)
			if err != nil {
				return err
			}
			p, err := st.Backup("manual")
			if err != nil {
				return err
			}
			fmt.Fprintln(f.IO.Out, p)
			return nil
		},
	}
	cmd.Flags().BoolVar(&list, "list", false, "list backups, newest first")
	cmd.Flags().BoolVar(&asJSON, "json", false, "with --list: print JSON")
	return cmd
}

func newRestoreCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "restore [BACKUP]",
		Short: "Bring back a backup (the newest by default); the current collection is backed up first",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("restore takes at most one backup file")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			path, _, err := f.DBPath()
			if err != nil {
				return err
			}
			src := ""
			if len(args) == 1 {
				if src, err = backupFile(args[0], path); err != nil {
					return err
				}
			} else {
				all, err := store.ListBackups(path)
				if err != nil {
					return err
				}
				if len(all) == 0 {
					return fmt.Errorf("no backups in %s; name a backup file", store.BackupDirFor(path))
				}
				src = all[0]
			}
			f.close()
			prev, err := store.Restore(src, path)
			if err != nil {
				return err
			}
			fmt.Fprintf(f.IO.Out, "restored %s\n", src)
			f.hint("The collection as it was is saved in %s.", prev)
			return nil
		},
	}
}

// backupFile finds the backup named by the user: a path as given, or the
// bare name of a file in the collection's backup folder (what
// `recall backup --list` prints).
func backupFile(name, collection string) (string, error) {
	st, err := os.Stat(name)
	if err == nil {
		if st.IsDir() {
			return "", fmt.Errorf("%s is a folder; name a backup file in it (`recall backup --list` shows them)", name)
		}
		return name, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", readError(name, err)
	}
	dir := store.BackupDirFor(collection)
	if filepath.Base(name) == name {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s: no such file here or in %s; `recall backup --list` shows the backups", name, dir)
}

type doctorJSON struct {
	Cards     int      `json:"cards"`
	Reviews   int      `json:"reviews"`
	Problems  []string `json:"problems"`
	Repaired  bool     `json:"repaired"`
	Remaining []string `json:"remaining,omitempty"`
}

func newDoctorCmd(f *Factory) *cobra.Command {
	var repair, asJSON bool
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check the collection and repair its indexes",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := f.Store(!repair)
			if err != nil {
				return err
			}
			rep, err := st.Check(repair)
			if err != nil {
				return err
			}
			if asJSON {
				out := doctorJSON{Cards: rep.Cards, Reviews: rep.Reviews, Problems: rep.Problems, Repaired: rep.Repaired,
					Remaining: rep.Remaining}
				if out.Problems == nil {
					out.Problems = []string{}
				}
				if err := f.writeJSON(out); err != nil {
					return err
				}
				if len(rep.Problems) > 0 && !rep.Repaired || len(rep.Remaining) > 0 {
					return silentError{ExitDamaged}
				}
				return nil
			}
			fmt.Fprintf(f.IO.Out, "%s, %s checked\n", term.Plural(rep.Cards, "card"), term.Plural(rep.Reviews, "review"))
			for _, p := range rep.Problems {
				fmt.Fprintln(f.IO.Out, "problem: "+term.OneLine(p))
			}
			switch {
			case len(rep.Problems) == 0:
				fmt.Fprintln(f.IO.Out, "no problems found")
			case rep.Repaired && len(rep.Remaining) == 0:
				fmt.Fprintln(f.IO.Out, "indexes rebuilt; no problems remain")
			case rep.Repaired:
				fmt.Fprintln(f.IO.Out, "indexes rebuilt, but these remain (restore a backup with `recall restore`):")
				for _, p := range rep.Remaining {
					fmt.Fprintln(f.IO.Out, "  "+term.OneLine(p))
				}
				return silentError{ExitDamaged}
			default:
				return silentError{ExitDamaged}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&repair, "repair", false, "rebuild the due and new indexes (after a backup)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
