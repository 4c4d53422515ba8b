/**
 * The platform's ids as the action, validate mode and the emulator all read them: a letter
 * for the kind (upper case) and 63 hex digits, either case (docs/platform-contract.md). Nothing else is
 * taken into paths, logs or outputs.
 */

/**
 * A group token as the platform issues it when the group is created: 32 hex digits (lower-case
 * on the platform; either case read, as the ids are). The group-token input's warning and the
 * emulator's --group-token both go by it.
 */
export const GROUP_TOKEN = /^[0-9a-f]{32}$/i

/** A script's hash, as register answers it and the preprocessing-id input takes it. */
export const SCRIPT_HASH = /^S[0-9a-fA-F]{63}$/

/** A dataset's hash, as the v2 calls answer it. */
export const DATASET_HASH = /^D[0-9a-fA-F]{63}$/

/** A model's hash, as MLOps shows it and the smoke-test-model input takes it. */
export const MODEL_HASH = /^M[0-9a-fA-F]{63}$/
