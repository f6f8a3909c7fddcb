package dev.corpus.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest ("dev" when run from classes). */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"corpus " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
  }
}
