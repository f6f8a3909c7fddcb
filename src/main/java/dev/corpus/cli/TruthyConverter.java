package dev.corpus.cli;

import picocli.CommandLine.ITypeConverter;

/** Reads "1", "true", "yes" as true and anything else as false, for flags set from the environment. */
final class TruthyConverter implements ITypeConverter<Boolean> {
  @Override
  public Boolean convert(String value) {
    return value != null && value.strip().matches("(?i)1|true|yes|on");
  }
}
