package org.milkbottle.validation.internal.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.objectweb.asm.Opcodes;

/**
 * The start of a class file — magic, version, constant pool, access flags, this and super class,
 * interfaces — read from a stream that is still inflating, so that the rest of the class (fields and
 * method bodies, usually a third to a half of its bytes) is only inflated when the constant pool says
 * the code may call a guarded API. This is what lets the scan run faster than inflating every class.
 */
final class ClassPrefix {

    /** The newest class file version the ASM visitor behind this filter can read (Java 25). */
    static final int NEWEST_MAJOR_VERSION = Opcodes.V25;

    /** Bytes read beyond what the parser needs, to keep the number of inflate calls down. */
    private static final int READ_AHEAD = 1024;

    static final int UTF8 = 1;
    static final int CLASS = 7;
    static final int FIELD_REF = 9;
    static final int METHOD_REF = 10;
    static final int INTERFACE_METHOD_REF = 11;
    static final int NAME_AND_TYPE = 12;
    static final int STRING = 8;
    static final int METHOD_HANDLE = 15;

    private final InputStream in;
    private byte[] buffer = new byte[8 * 1024];
    private int length;

    /** Offset of each constant pool entry's tag, by index; 0 for the unused slot after a long or double. */
    private final int[] entries;
    private final int access;
    private final int thisIndex;
    private final int superIndex;
    private final int[] interfaceIndexes;

    /**
     * Reads the prefix.
     *
     * @throws IOException when the stream fails
     * @throws IllegalArgumentException when the bytes are not a class file (too short, bad magic, unknown
     *         constant) or are newer than the scanner understands
     */
    ClassPrefix(InputStream in) throws IOException {
        this.in = in;
        require(10);
        if (readInt(0) != 0xCAFEBABE) {
            throw new IllegalArgumentException("not a class file (bad magic number)");
        }
        int major = readUnsignedShort(6);
        if (major > NEWEST_MAJOR_VERSION) {
            // the same words as ASM's refusal, so both are reported as one finding
            throw new IllegalArgumentException("Unsupported class file major version " + major);
        }
        int count = readUnsignedShort(8);
        entries = new int[count];
        int offset = 10;
        for (int i = 1; i < count; i++) {
            require(offset + 3);
            entries[i] = offset;
            int tag = buffer[offset];
            switch (tag) {
                case UTF8 -> offset += 3 + readUnsignedShort(offset + 1);
                case 3, 4, FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF, NAME_AND_TYPE, 17, 18 -> offset += 5;
                case 5, 6 -> { // long, double: two slots
                    offset += 9;
                    i++;
                }
                case CLASS, 8, 16, 19, 20 -> offset += 3;
                case 15 -> offset += 4;
                default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
            }
        }
        require(offset + 8);
        access = readUnsignedShort(offset);
        thisIndex = readUnsignedShort(offset + 2);
        superIndex = readUnsignedShort(offset + 4);
        int interfaces = readUnsignedShort(offset + 6);
        require(offset + 8 + 2 * interfaces);
        interfaceIndexes = new int[interfaces];
        for (int i = 0; i < interfaces; i++) {
            interfaceIndexes[i] = readUnsignedShort(offset + 8 + 2 * i);
        }
    }

    /** The whole class file: the prefix and the rest of the stream, read up to its end. */
    byte[] remainder() throws IOException {
        int n;
        while ((n = in.read(buffer, length, buffer.length - length)) >= 0) {
            length += n;
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        return Arrays.copyOf(buffer, length);
    }

    int entryCount() {
        return entries.length;
    }

    int tag(int index) {
        int offset = entries[index];
        return offset == 0 ? 0 : buffer[offset];
    }

    int access() {
        return access;
    }

    /** The class's own internal name. */
    String thisName() {
        return className(thisIndex);
    }

    /** The superclass's internal name, or null for {@code java/lang/Object} itself. */
    String superName() {
        return superIndex == 0 ? null : className(superIndex);
    }

    String[] interfaces() {
        String[] names = new String[interfaceIndexes.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = className(interfaceIndexes[i]);
        }
        return names;
    }

    /** The index of the member reference a method handle entry points to. */
    int handleReference(int methodHandle) {
        return readUnsignedShort(entries[methodHandle] + 2);
    }

    /** The index of the class entry a field or method reference points to. */
    int ownerIndex(int memberRef) {
        return readUnsignedShort(entries[memberRef] + 1);
    }

    /** The member name of a field or method reference. */
    String memberName(int memberRef) {
        int nameAndType = entries[readUnsignedShort(entries[memberRef] + 3)];
        return utf8(readUnsignedShort(nameAndType + 1));
    }

    /** The descriptor of a field or method reference. */
    String memberDescriptor(int memberRef) {
        int nameAndType = entries[readUnsignedShort(entries[memberRef] + 3)];
        return utf8(readUnsignedShort(nameAndType + 3));
    }

    /** The text of a CONSTANT_String entry. */
    String string(int stringEntry) {
        return utf8(readUnsignedShort(entries[stringEntry] + 1));
    }

    /** The length in bytes of a CONSTANT_String entry's text (cheap: nothing is decoded). */
    int stringLength(int stringEntry) {
        return readUnsignedShort(entries[readUnsignedShort(entries[stringEntry] + 1)] + 1);
    }

    /** The internal name a class entry names. */
    String className(int classEntry) {
        return utf8(readUnsignedShort(entries[classEntry] + 1));
    }

    /**
     * Whether the name of a class entry starts with one of the prefixes, compared byte by byte so that
     * the names of the plugin's own classes — most of any pool — never become strings.
     */
    boolean classNameStartsWith(int classEntry, byte[][] prefixes) {
        int utf8 = entries[readUnsignedShort(entries[classEntry] + 1)];
        int size = readUnsignedShort(utf8 + 1);
        for (byte[] prefix : prefixes) {
            if (size >= prefix.length && Arrays.equals(buffer, utf8 + 3, utf8 + 3 + prefix.length, prefix, 0,
                    prefix.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Calls {@code sink} with every place in a CONSTANT_Utf8 entry where a type name starts — the start of
     * the text (class names, strings) or just after an {@code L} (descriptors, signatures) — and one of
     * {@code names} begins, in slashed or dotted form. {@code names} are indexed by their first byte so that
     * the common case, no candidate at all, costs two comparisons per byte.
     */
    void findNames(NameIndex names, NameSink sink) {
        for (int index = 1; index < entries.length; index++) {
            int offset = entries[index];
            if (offset == 0 || buffer[offset] != UTF8) {
                continue;
            }
            int start = offset + 3;
            int end = start + readUnsignedShort(offset + 1);
            for (int i = start; i < end; i++) {
                if ((i == start || buffer[i - 1] == 'L') && names.mayStartWith(buffer[i])) {
                    int length = names.match(buffer, i, end);
                    if (length > 0) {
                        sink.found(nameAt(i, end));
                        i += length - 1;
                    }
                }
            }
        }
    }

    /** The internal name that starts at {@code from}: up to the first byte that cannot be part of one. */
    private String nameAt(int from, int end) {
        StringBuilder name = new StringBuilder();
        for (int i = from; i < end; i++) {
            char c = (char) (buffer[i] & 0xFF);
            if (!(Character.isLetterOrDigit(c) || c == '/' || c == '.' || c == '$' || c == '_')) {
                break;
            }
            name.append(c == '.' ? '/' : c);
        }
        return name.toString();
    }

    /** Receives the names {@link #findNames} finds. */
    interface NameSink {
        void found(String internalName);
    }

    /**
     * Whether the name of a field or method reference may be one of {@code names} — compared by length and
     * first and last byte, so that most names of the plugin's own members never become strings.
     */
    boolean memberNameMayBe(int memberRef, MemberNameFilter names) {
        int nameAndType = entries[readUnsignedShort(entries[memberRef] + 3)];
        int utf8 = entries[readUnsignedShort(nameAndType + 1)];
        int size = readUnsignedShort(utf8 + 1);
        return size > 0 && names.mayBe(size, buffer[utf8 + 3], buffer[utf8 + 2 + size]);
    }

    /** Decodes a CONSTANT_Utf8 entry (modified UTF-8). */
    String utf8(int index) {
        int offset = entries[index];
        if (offset == 0 || buffer[offset] != UTF8) {
            throw new IllegalArgumentException("constant " + index + " is not a string");
        }
        int size = readUnsignedShort(offset + 1);
        int start = offset + 3;
        char[] chars = new char[size];
        int count = 0;
        for (int i = start; i < start + size;) {
            int b = buffer[i++] & 0xFF;
            if (b < 0x80) {
                chars[count++] = (char) b;
            } else if ((b & 0xE0) == 0xC0) {
                chars[count++] = (char) (((b & 0x1F) << 6) | (buffer[i++] & 0x3F));
            } else {
                chars[count++] = (char) (((b & 0x0F) << 12) | ((buffer[i++] & 0x3F) << 6) | (buffer[i++] & 0x3F));
            }
        }
        return new String(chars, 0, count);
    }

    private void require(int size) throws IOException {
        if (size > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(size, buffer.length * 2));
        }
        while (length < size) {
            // ask for little more than needed: the inflater produces only what is asked for
            int n = in.read(buffer, length, Math.min(buffer.length - length, size - length + READ_AHEAD));
            if (n < 0) {
                throw new IllegalArgumentException("the class file ends inside its header");
            }
            length += n;
        }
    }

    private int readUnsignedShort(int offset) {
        return ((buffer[offset] & 0xFF) << 8) | (buffer[offset + 1] & 0xFF);
    }

    private int readInt(int offset) {
        return (readUnsignedShort(offset) << 16) | readUnsignedShort(offset + 2);
    }
}
