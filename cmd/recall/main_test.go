package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"recall/internal/cli"
	"recall/internal/store"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"recall": func() { os.Exit(cli.Main()) },
	})
}

// TestScripts runs the end-to-end stories in testdata/script. Each script
// gets its own collection under $WORK and a fixed clock.
func TestScripts(t *testing.T) {
	shared, _ := filepath.Abs("../../../shared")
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("RECALL_DB", filepath.Join(env.WorkDir, "collection.db"))
			env.Setenv("RECALL_NOW", "2026-01-10T09:00:00Z")
			env.Setenv("TZ", "UTC")
			env.Setenv("NO_COLOR", "1")
			env.Setenv("HOME", env.WorkDir)
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "data"))
			if _, err := os.Stat(shared); err == nil {
				env.Setenv("SHARED", shared)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"simulate": simulate,
			// lock holds the collection open, as another recall process
			// would: for writing, or with -r read-only (a shared lock).
			"lock": func(ts *testscript.TestScript, neg bool, args []string) {
				readOnly := len(args) == 1 && args[0] == "-r"
				st, err := store.Open(ts.Getenv("RECALL_DB"), store.Options{ReadOnly: readOnly})
				ts.Check(err)
				ts.Defer(func() { st.Close() })
			},
		},
		Condition: func(cond string) (bool, error) {
			if cond == "shared" {
				_, err := os.Stat(shared)
				return err == nil, nil
			}
			return false, nil
		},
	})
}
