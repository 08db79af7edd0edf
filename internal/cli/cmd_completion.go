package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

func init() { extraCommands = append(extraCommands, newCompletionCmd) }

// completionShells are the shells cobra writes completion scripts for.
var completionShells = []string{"bash", "zsh", "fish", "powershell"}

// newCompletionCmd replaces cobra's default completion command, which
// answers an unknown shell with its help and exit 0, so that a script
// asking for a shell recall does not support fails visibly.
func newCompletionCmd(f *Factory) *cobra.Command {
	var noDesc bool
	shells := strings.Join(completionShells[:len(completionShells)-1], ", ") + " or " + completionShells[len(completionShells)-1]
	cmd := &cobra.Command{
		Use:   "completion SHELL",
		Short: "Print the shell completion script for " + shells,
		Long: `Print the completion script for SHELL (` + shells + `) on stdout. For example:
  bash:        source <(recall completion bash)
               (or save it in ~/.local/share/bash-completion/completions/recall)
  zsh:         recall completion zsh > "${fpath[1]}/_recall"
  fish:        recall completion fish > ~/.config/fish/completions/recall.fish
  powershell:  recall completion powershell | Out-String | Invoke-Expression`,
		ValidArgs: completionShells,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return usagef("%s needs a shell: %s", commandName(cmd), shells)
			case len(args) > 1:
				return usagef("%s takes one shell, got %d arguments", commandName(cmd), len(args))
			case !slices.Contains(completionShells, args[0]):
				return usagef("unknown shell %q; %s supports %s", args[0], cmd.CommandPath(), shells)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root, out := cmd.Root(), f.IO.Out
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, !noDesc)
			case "zsh":
				if noDesc {
					return root.GenZshCompletionNoDesc(out)
				}
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, !noDesc)
			default:
				if noDesc {
					return root.GenPowerShellCompletion(out)
				}
				return root.GenPowerShellCompletionWithDesc(out)
			}
		},
	}
	cmd.Flags().BoolVar(&noDesc, "no-descriptions", false, "leave out the descriptions of completions")
	return cmd
}
