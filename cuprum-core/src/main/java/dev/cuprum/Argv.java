package dev.cuprum;

import dev.cuprum.internal.util.Masking;
import dev.cuprum.internal.util.QuotedValue;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable argument list that remembers which elements are secrets, so that every view
 * meant for people ({@link #masked()}, {@link #toString()}) can hide them.
 */
final class Argv extends AbstractList<String> implements RandomAccess, Serializable {

  private static final long serialVersionUID = 1L;

  private static final Argv EMPTY = new Argv(new String[0], new BitSet());

  private final String[] values;
  private final BitSet secrets;
  private final List<String> masked;

  private Argv(String[] values, BitSet secrets) {
    this.values = values;
    this.secrets = secrets;
    this.masked = secrets.isEmpty() ? this : maskedCopy(values, secrets);
  }

  static Argv copyOf(List<String> argv) {
    if (argv instanceof Argv known) {
      return known;
    }
    String[] values = argv.toArray(new String[0]);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new NullPointerException("argv element " + i + " is null");
      }
    }
    return of(values, new BitSet());
  }

  static Argv of(String[] values, BitSet secrets) {
    for (int i = 0; i < values.length; i++) {
      if (values[i].indexOf('\0') >= 0) {
        throw new InvalidArgumentException("argv element " + i + " contains a NUL character: "
            + (secrets.get(i) ? Masking.MASK : QuotedValue.of(values[i])));
      }
    }
    return values.length == 0 ? EMPTY : new Argv(values, secrets);
  }

  /** This list with {@code first} in front, secrets shifted with it. */
  Argv prepend(String first) {
    String[] joined = new String[values.length + 1];
    joined[0] = first;
    System.arraycopy(values, 0, joined, 1, values.length);
    BitSet shifted = new BitSet();
    secrets.stream().forEach(i -> shifted.set(i + 1));
    return new Argv(joined, shifted);
  }

  /** The elements with every secret replaced by {@value Secret#MASK}. */
  List<String> masked() {
    return masked;
  }

  /** The text with every secret argument it contains replaced by {@value Secret#MASK}. */
  String maskSecretsIn(String text) {
    String masked = text;
    for (int i = secrets.nextSetBit(0); i >= 0; i = secrets.nextSetBit(i + 1)) {
      masked = masked.replace(values[i], Secret.MASK);
    }
    return masked;
  }

  boolean hasSecrets() {
    return !secrets.isEmpty();
  }

  boolean isSecret(int index) {
    return secrets.get(index);
  }

  @Override
  public String get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public String toString() {
    return masked == this ? Arrays.toString(values) : masked.toString();
  }

  private static List<String> maskedCopy(String[] values, BitSet secrets) {
    String[] copy = values.clone();
    secrets.stream().forEach(i -> copy[i] = Secret.MASK);
    return List.of(copy);
  }
}
