package org.milkbottle.sdk.internal.docs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The {@code @Descriptor} texts of a command class's methods, read from its class file with ASM (the class is not
 * loaded). A function's methods are those Gogo would call: its name, {@code get}/{@code is} + the capitalised name
 * (for a Java keyword such as "package"), or {@code _main}.
 */
final class CommandDescriptors {

    private static final String DESCRIPTOR = "Lorg/apache/felix/service/command/Descriptor;";

    private CommandDescriptors() {
    }

    static Map<String, List<PluginFacts.Form>> read(JarFile jar, String className, List<String> functions)
            throws IOException {
        Map<String, List<PluginFacts.Form>> forms = new LinkedHashMap<>();
        ZipEntry entry = className == null ? null : jar.getEntry(className.replace('.', '/') + ".class");
        if (entry == null) {
            return forms;
        }
        Map<String, String> functionOf = new LinkedHashMap<>();
        for (String function : functions) {
            String capitalised = function.isEmpty() ? function
                    : function.substring(0, 1).toUpperCase(Locale.ROOT) + function.substring(1);
            functionOf.put(function, function);
            functionOf.put("get" + capitalised, function);
            functionOf.put("is" + capitalised, function);
            if (functions.size() == 1) {
                functionOf.put("_main", function);
            }
        }
        try (InputStream in = jar.getInputStream(entry)) {
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    String function = (access & Opcodes.ACC_PUBLIC) != 0 ? functionOf.get(name) : null;
                    if (function == null) {
                        return null;
                    }
                    int parameters = Type.getArgumentTypes(descriptor).length;
                    String[] texts = new String[parameters];
                    String[] description = {""};
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public AnnotationVisitor visitAnnotation(String type, boolean visible) {
                            return DESCRIPTOR.equals(type) ? value(text -> description[0] = text) : null;
                        }

                        @Override
                        public AnnotationVisitor visitParameterAnnotation(int parameter, String type, boolean visible) {
                            return DESCRIPTOR.equals(type) && parameter < parameters
                                    ? value(text -> texts[parameter] = text) : null;
                        }

                        @Override
                        public void visitEnd() {
                            List<String> arguments = new ArrayList<>();
                            for (String text : texts) {
                                if (text != null) {
                                    arguments.add(text);
                                }
                            }
                            forms.computeIfAbsent(function, f -> new ArrayList<>())
                                    .add(new PluginFacts.Form(description[0], arguments));
                        }
                    };
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            throw new IOException(className + " is not a readable class file (" + e + ")", e);
        }
        return forms;
    }

    private static AnnotationVisitor value(java.util.function.Consumer<String> text) {
        return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String name, Object value) {
                if ("value".equals(name) && value instanceof String string) {
                    text.accept(string);
                }
            }
        };
    }
}
