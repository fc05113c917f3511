package dev.cuprum.sample.web;

import java.nio.file.Path;

/**
 * A git repository that lies wholly under the configured roots: git status runs with exactly this
 * git directory and work tree, so that neither repository discovery nor the repository's own
 * configuration ({@code core.worktree}) can lead it elsewhere.
 *
 * @param workTree the real path of the directory holding {@code .git}
 * @param gitDir the real path of its {@code .git} directory
 */
record GitRepository(Path workTree, Path gitDir) {}
