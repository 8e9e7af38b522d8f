package dev.promotel.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of every promotel command (DESIGN.md), as listed in each help and man page. */
final class ExitCodes {
  static final int OK = 0;
  static final int LOSSES_OR_FINDINGS = 1;
  static final int USAGE = 2;
  static final int INVALID_INPUT = 3;
  static final int IO_ERROR = 4;
  static final int INTERNAL = 70;

  private ExitCodes() {}

  /** Code → meaning, in the order help and man pages show them. */
  static Map<String, String> list() {
    Map<String, String> list = new LinkedHashMap<>();
    list.put(String.valueOf(OK), "Success.");
    list.put(String.valueOf(LOSSES_OR_FINDINGS), "Findings, or data lost under --strict.");
    list.put(String.valueOf(USAGE), "Usage error: unknown option, bad option value, invalid selector or promotel config, rules or relabel file.");
    list.put(String.valueOf(INVALID_INPUT), "Invalid input data.");
    list.put(String.valueOf(IO_ERROR), "I/O error: missing file, unreadable input, unwritable output.");
    list.put(String.valueOf(INTERNAL), "Internal error (a bug); rerun with --debug for the stack trace.");
    return list;
  }
}
