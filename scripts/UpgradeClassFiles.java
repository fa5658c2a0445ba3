import java.io.IOException;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Copies the class files older than Java 6 found in some jars into one jar, as Java 8 class files:
 * {@code java scripts/UpgradeClassFiles.java OUT.jar IN.jar...} (JDK 24 or later: it uses the java.lang.classfile API).
 *
 * <p>Why: the JDK's AOT cache leaves out classes older than version 50 ("Old class has been linked"), and picocli ships
 * as Java 5 class files, so every paperdex run would load its classes from the jar and check them with the old,
 * type-inferring verifier. The launcher runs this once before it records the AOT cache, into
 * {@code cli/target/startup/upgraded-classes.jar}, which paperdex.jar's manifest class path lists ahead of the
 * libraries; classes not found there come from the libraries as before. Only the version changes, with the stack map
 * frames version 50 and later need: the instructions stay as they are. Each class written is checked with the ClassFile
 * API's verifier first; if one fails, nothing is written and the exit code is 1. With no old class, nothing is written.
 */
public class UpgradeClassFiles {

  private static final int OLDEST_WITH_STACK_MAPS = 50;
  private static final int JAVA_8 = 52;

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: java UpgradeClassFiles.java OUT.jar IN.jar...");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    List<Path> jars = new ArrayList<>();
    List<URL> urls = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      jars.add(Path.of(args[i]));
      urls.add(jars.getLast().toUri().toURL());
    }
    // Stack map frames name the common super class of two types: look the classes up in the jars themselves.
    try (URLClassLoader jarsLoader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
      ClassFile context = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
          ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
              .orElse(ClassHierarchyResolver.ofResourceParsing(jarsLoader)).cached()));
      Map<String, byte[]> upgraded = new LinkedHashMap<>();
      for (Path jar : jars) {
        upgradeOldClasses(context, jar, upgraded);
      }
      if (upgraded.isEmpty()) {
        System.out.println("no class files older than Java 6 in " + jars);
        return;
      }
      write(out, upgraded);
      System.out.println(upgraded.size() + " class files upgraded to Java 8 in " + out);
    }
  }

  private static void upgradeOldClasses(ClassFile context, Path jar, Map<String, byte[]> upgraded) throws IOException {
    try (JarFile in = new JarFile(jar.toFile())) {
      for (JarEntry entry : in.stream().toList()) {
        String name = entry.getName();
        // Multi-release entries are newer class files by nature; module-info is not loaded from the class path.
        if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")
            || upgraded.containsKey(name)) {
          continue;
        }
        ClassModel model = context.parse(in.getInputStream(entry).readAllBytes());
        if (model.majorVersion() >= OLDEST_WITH_STACK_MAPS) {
          continue;
        }
        // Rebuilding every method body is what makes the ClassFile API compute the stack map frames.
        byte[] bytes = context.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
            .andThen((builder, element) -> {
              if (element instanceof ClassFileVersion) {
                builder.withVersion(JAVA_8, 0);
              } else {
                builder.with(element);
              }
            }));
        List<VerifyError> errors = context.verify(bytes);
        if (!errors.isEmpty()) {
          System.err.println("UpgradeClassFiles: " + jar + "!" + name + " does not verify once upgraded: "
              + errors.getFirst().getMessage());
          System.exit(1);
        }
        upgraded.put(name, bytes);
      }
    }
  }

  /** Writes the jar beside {@code out} and moves it into place, so that no JVM ever sees half of it. */
  private static void write(Path out, Map<String, byte[]> classes) throws IOException {
    Path tmp = out.resolveSibling(out.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try (OutputStream file = Files.newOutputStream(tmp); JarOutputStream jar = new JarOutputStream(file)) {
      for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
        jar.putNextEntry(new JarEntry(entry.getKey()));
        jar.write(entry.getValue());
        jar.closeEntry();
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
