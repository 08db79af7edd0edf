package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"recall/internal/store"
)

func newBackupCmd(f *Factory) *cobra.Command {
	var list bool
	cmd := &cobra.Command{
		Use:   "backup",
		Short: "Copy the collection to its backup folder (or list backups)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := f.Store(list)
			if err != nil {
				return err
			}
			if list {
				all, err := st.Backups()
				if err != nil {
					return err
				}
				for _, p := range all {
					fmt.Fprintln(f.IO.Out, p)
				}
				if len(all) == 0 {
					f.hint("No backups yet in %s.", st.BackupDir())
				}
				return nil
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
				src = args[0]
			} else {
				st, err := f.Store(true)
				if err != nil {
					return err
				}
				all, err := st.Backups()
				if err != nil {
					return err
				}
				if len(all) == 0 {
					return fmt.Errorf("no backups in %s; name a backup file", st.BackupDir())
				}
				src = all[0]
			}
			f.close()
			if _, err := os.Stat(src); err != nil {
				return fmt.Errorf("backup %s: %w", src, err)
			}
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

func newDoctorCmd(f *Factory) *cobra.Command {
	var repair bool
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
			fmt.Fprintf(f.IO.Out, "%s, %s checked\n", plural(rep.Cards, "card"), plural(rep.Reviews, "review"))
			for _, p := range rep.Problems {
				fmt.Fprintln(f.IO.Out, "problem: "+sanitizeLine(p))
			}
			switch {
			case len(rep.Problems) == 0:
				fmt.Fprintln(f.IO.Out, "no problems found")
			case rep.Repaired:
				fmt.Fprintln(f.IO.Out, "indexes rebuilt; run `recall doctor` again to confirm")
			default:
				return silentError{ExitDamaged}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&repair, "repair", false, "rebuild the due and new indexes (after a backup)")
	return cmd
}
