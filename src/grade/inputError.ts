/**
 * A mistake in what `grade` was given, said in one message (exit code 2): a folder or a FIFO as the
 * assignment, `--out` naming a file, an output folder another run is writing.
 */
export class GradeInputError extends Error {}
