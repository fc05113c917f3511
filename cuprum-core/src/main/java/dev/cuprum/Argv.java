package dev.cuprum;

import dev.cuprum.internal.util.Masking;
import dev.cuprum.internal.util.QuotedValue;
import dev.cuprum.internal.util.SecretValues;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable argument list that remembers which elements are secrets, so that every view
 * meant for people ({@link #masked()}, {@link #toString()}) can hide them.
 */
final class Argv extends AbstractList<String> implements RandomAccess, Serializable {

  private static final long serialVersionUID = 1L;

  private static final Argv EMPTY = new Argv(new String[0], new BitSet());

  static {
    SecretValues.install(Argv::alsoMasking, (argv, text) -> copyOf(argv).maskSecretsIn(text));
  }

  private final String[] values;
  private final BitSet secrets;
  private final List<String> masked;
  /** Values hidden in texts beside the secret elements: what else the run knew to be secret. */
  private final String[] alsoMasked;

  private Argv(String[] values, BitSet secrets) {
    this(values, secrets, new String[0]);
  }

  private Argv(String[] values, BitSet secrets, String[] alsoMasked) {
    this.values = values;
    this.secrets = secrets;
    this.masked = secrets.isEmpty() ? this : maskedCopy(values, secrets);
    this.alsoMasked = alsoMasked;
  }

  /** {@code argv}, as an {@code Argv} that also hides {@code values} in {@link #maskSecretsIn}. */
  private static List<String> alsoMasking(List<String> argv, Collection<String> values) {
    Argv known = copyOf(argv);
    return values.isEmpty() ? known : new Argv(known.values, known.secrets, values.toArray(new String[0]));
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
    List<String> parts = new ArrayList<>(Arrays.asList(alsoMasked));
    for (int i = secrets.nextSetBit(0); i >= 0; i = secrets.nextSetBit(i + 1)) {
      parts.addAll(Masking.secretParts(values[i]));
    }
    // Longest first, so that a secret containing another is masked whole.
    parts.sort(Comparator.comparingInt(String::length).reversed());
    String masked = text;
    for (String part : parts) {
      if (!part.isEmpty()) {
        masked = masked.replace(part, Secret.MASK);
      }
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
