package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.milkbottle.itests.hostile.HostileJars.library;
import static org.milkbottle.itests.hostile.HostileJars.plugin;
import static org.milkbottle.itests.hostile.Refusals.NOT_ALLOWED;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.itests.hostile.BindsJacksonToBnd;
import org.milkbottle.itests.hostile.CompilesAtRunTime;
import org.milkbottle.itests.hostile.CreatesAnMLet;
import org.milkbottle.itests.hostile.DecodesXmlBeans;
import org.milkbottle.itests.hostile.DefinesClasses;
import org.milkbottle.itests.hostile.DemotesTheValidationBundle;
import org.milkbottle.itests.hostile.DrivesTheShell;
import org.milkbottle.itests.hostile.ExecsThroughBoundHandle;
import org.milkbottle.itests.hostile.ExecsThroughReflection;
import org.milkbottle.itests.hostile.ExitsByMethodReference;
import org.milkbottle.itests.hostile.ExitsTheJvm;
import org.milkbottle.itests.hostile.ExitsThroughMethodHandle;
import org.milkbottle.itests.hostile.HostileJars;
import org.milkbottle.itests.hostile.ListensToEveryCommand;
import org.milkbottle.itests.hostile.LoadsNativeCode;
import org.milkbottle.itests.hostile.OpensByMethodReference;
import org.milkbottle.itests.hostile.OpensPrivateMembers;
import org.milkbottle.itests.hostile.PlantsSecondStageByMethodReference;
import org.milkbottle.itests.hostile.PlantsSecondStageOnDisk;
import org.milkbottle.itests.hostile.ReachesConfigurationAdmin;
import org.milkbottle.itests.hostile.Refusals;
import org.milkbottle.itests.hostile.RegistersAFindHook;
import org.milkbottle.itests.hostile.RegistersAResolverHook;
import org.milkbottle.itests.hostile.ReplacesTheSecurityManager;
import org.milkbottle.itests.hostile.RewritesTheTrustPolicy;
import org.milkbottle.itests.hostile.RunsProcessBuilder;
import org.milkbottle.itests.hostile.RunsProcessInALambda;
import org.milkbottle.itests.hostile.RunsRuntimeExec;
import org.milkbottle.itests.hostile.StartsProcessByMethodReference;
import org.milkbottle.itests.hostile.StopsTheSystemBundle;
import org.milkbottle.itests.hostile.StopsThroughGogosBuiltIns;
import org.milkbottle.itests.hostile.SwallowsAdvisories;
import org.milkbottle.itests.hostile.UninstallsABundle;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Hostile bundles written the way an attacker would, built inside the test: libraries without any
 * MilkBottle header, plugins that declare only {@code file-write} and hide what they do (method
 * references, lambdas, reflection by constant names, method handles, class files in places a careless scan
 * skips, second stages). Through the shell, the deploy folder and a raw installBundle, each is refused
 * before any of its code runs, the refusal names the rule, and the runtime and the plugin installed before
 * carry on.
 */
@RunWith(PaxExam.class)
public class HostileBundlesIT extends MilkBottleTestSupport {

    private static final String HELLO = "org.milkbottle.example.hello";
    private static final String[] RUNTIME = {"org.milkbottle.validation", "org.milkbottle.core", HELLO};
    private Path markers;

    @Before
    public void aGoodPluginIsRunning() throws Exception {
        markers = markerFolder();
        manager.install(InstallRequest.of("test", helloJar().toString()));
        assertEquals(Bundle.ACTIVE, bundle(HELLO).orElseThrow().getState());
    }

    // ---- libraries without MilkBottle headers, from a local file through mb:install FILE

    @Test
    public void aLibraryWithoutHeadersThatStartsAProcessIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.process", RunsProcessBuilder.class), "process");
    }

    @Test
    public void aLibraryWithoutHeadersThatCallsRuntimeExecIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.exec", RunsRuntimeExec.class), "process");
    }

    @Test
    public void aLibraryWithoutHeadersThatExitsTheJvmIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.exit", ExitsTheJvm.class), "framework");
    }

    @Test
    public void aLibraryThatStopsTheSystemBundleIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.stop", StopsTheSystemBundle.class), "framework");
    }

    @Test
    public void aLibraryThatUninstallsAnotherBundleIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.uninstall", UninstallsABundle.class), "framework");
    }

    @Test
    public void aLibraryRegisteringAServiceFindHookIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.findhook", RegistersAFindHook.class, "org.osgi.framework.hooks.service"),
                "framework");
    }

    @Test
    public void aLibraryRegisteringAResolverHookIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.resolverhook", RegistersAResolverHook.class,
                "org.osgi.framework.hooks.resolver", "org.osgi.framework.wiring"), "framework");
    }

    @Test
    public void aLibraryOpeningPrivateMembersIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.accessible", OpensPrivateMembers.class), "reflection");
    }

    @Test
    public void aLibraryDefiningClassesWithItsOwnLoaderIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.loader", DefinesClasses.class), "class-definition");
    }

    @Test
    public void aLibraryLoadingANativeLibraryIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.native", LoadsNativeCode.class), "native");
    }

    // ---- the trial's routes past the scan: data that names methods, a compiler, the shell, the runtime's libraries

    @Test
    public void aLibraryStartingAProcessFromAnXmlDecoderDocumentIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.xmlbeans", DecodesXmlBeans.class), "reflection");
    }

    @Test
    public void aPluginThatMayWriteFilesRunningJavacInTheRuntimeIsNeverActive() throws Exception {
        refusedByTheShell(plugin("ref.javac", CompilesAtRunTime.class), "class-definition");
    }

    @Test
    public void aLibraryDrivingTheOperatorsShellIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.shell", DrivesTheShell.class, "org.apache.felix.service.command"),
                "framework");
    }

    /**
     * The scan sees only a call to Gogo's built-in {@code Basic.stop}; the act is Gogo's. The runtime's own
     * libraries are not wired to plugins (only its shared API packages are), so the plugin does not resolve.
     */
    @Test
    public void aPluginStoppingTheValidatorThroughGogosBuiltInCommandsIsNeverWiredToThem() throws Exception {
        notWiredToTheRuntimesCopy(plugin("ref.gogobasic", StopsThroughGogosBuiltIns.class,
                "org.apache.felix.gogo.command"), "org.apache.felix.gogo.command", "org.apache.felix.gogo.command");
    }

    // ---- the second attack's routes: impostors the runtime would bind, a listener on every command, Jackson

    @Test
    public void aLibraryOfferingTheRuntimeAnImpostorAdvisoryRegistryIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.advisories", SwallowsAdvisories.class, "org.milkbottle.validation.api"),
                "framework");
    }

    @Test
    public void aLibraryListeningToEveryShellCommandIsNeverActive() throws Exception {
        refusedByTheShell(library("lib.sniffer", ListensToEveryCommand.class, "org.apache.felix.service.command"),
                "framework");
    }

    /** Jackson's databind builds objects of classes named in data and calls their setters: not shared. */
    @Test
    public void aPluginUsingTheRuntimesJacksonIsNeverWiredToIt() throws Exception {
        notWiredToTheRuntimesCopy(plugin("ref.jackson", BindsJacksonToBnd.class, "com.fasterxml.jackson.databind"),
                "com.fasterxml.jackson.databind", "com.fasterxml.jackson.core.jackson-databind");
    }

    /**
     * MilkBottle's own services act for the operator (mb:config's back end rewrote the validator's policy in the
     * third attack): only the perf API is shared with plugins.
     */
    @Test
    public void aPluginRewritingTheTrustPolicyThroughTheOperatorsConfigurationServiceIsNeverWiredToIt()
            throws Exception {
        notWiredToTheRuntimesCopy(plugin("ref.policy", RewritesTheTrustPolicy.class, "org.milkbottle.api"),
                "org.milkbottle.api", "org.milkbottle.core");
        String policy = shell("mb:config org.milkbottle.validation");
        assertFalse(policy, policy.contains("network,file-write,process"));
    }

    // ---- plugins that declare only file-write and hide the act

    @Test
    public void aPluginExitingThroughAMethodReferenceIsNeverActive() throws Exception {
        refusedByTheShell(plugin("ref.exit", ExitsByMethodReference.class), "framework");
    }

    @Test
    public void aPluginStartingAProcessThroughMethodReferencesIsNeverActive() throws Exception {
        refusedByTheShell(plugin("ref.process", StartsProcessByMethodReference.class), "process");
    }

    @Test
    public void aPluginOpeningMembersThroughAMethodReferenceIsNeverActive() throws Exception {
        refusedByTheShell(plugin("ref.accessible", OpensByMethodReference.class), "reflection");
    }

    @Test
    public void aPluginPlantingASecondStageThroughAMethodReferenceIsNeverActive() throws Exception {
        refusedByTheShell(HostileJars.planter("ref.install", PlantsSecondStageByMethodReference.class), "framework");
        assertSecondStageAbsent();
    }

    @Test
    public void aPluginPlantingASecondStageOnDiskAndInstallingItIsNeverActive() throws Exception {
        refusedByTheShell(HostileJars.planter("disk.install", PlantsSecondStageOnDisk.class), "framework");
        assertSecondStageAbsent();
        assertFalse(Files.exists(markers.resolve("planted-stage2.jar")));
    }

    @Test
    public void aPluginStartingAProcessInALambdaIsNeverActive() throws Exception {
        refusedByTheShell(plugin("lambda.process", RunsProcessInALambda.class), "process");
    }

    @Test
    public void aPluginCallingExecByReflectionWithConstantNamesIsNeverActive() throws Exception {
        refusedByTheShell(plugin("reflect.exec", ExecsThroughReflection.class), "process");
    }

    @Test
    public void aPluginExitingThroughAMethodHandleIsNeverActive() throws Exception {
        // a look-up by constant names: 'framework' (what it reaches) or 'reflection' (how) both hold it back
        refusedByTheShell(plugin("handle.exit", ExitsThroughMethodHandle.class), "framework", "reflection");
    }

    @Test
    public void aPluginCallingExecThroughABoundMethodHandleIsNeverActive() throws Exception {
        refusedByTheShell(plugin("handle.exec", ExecsThroughBoundHandle.class), "process", "reflection");
    }

    @Test
    public void aPluginCreatingAnMLetIsNeverActive() throws Exception {
        refusedByTheShell(plugin("mlet", CreatesAnMLet.class, "javax.management.loading"), "framework",
                "class-definition");
    }

    @Test
    public void aPluginReplacingTheSecurityManagerIsNeverActive() throws Exception {
        refusedByTheShell(plugin("security.manager", ReplacesTheSecurityManager.class), "framework");
    }

    @Test
    public void aPluginBorrowingTheSystemBundleContextToReachConfigurationAdminIsNeverActive() throws Exception {
        refusedByTheShell(plugin("system.context", ReachesConfigurationAdmin.class, "org.osgi.service.cm"),
                "framework");
        assertFalse(Files.exists(markers.resolve("system.context.reconfigured")));
        assertTrue(configurationAdmin.getConfiguration("org.milkbottle.validation", "?").getProperties() == null
                || configurationAdmin.getConfiguration("org.milkbottle.validation", "?").getProperties()
                        .get("untrustedPermissions") == null);
    }

    @Test
    public void aPluginMovingTheValidationBundlesStartLevelIsNeverActive() throws Exception {
        refusedByTheShell(plugin("start.level", DemotesTheValidationBundle.class,
                "org.osgi.framework.startlevel"), "framework");
    }

    @Test
    public void aClassHiddenUnderMetaInfOnTheBundleClassPathIsFound() throws Exception {
        refusedByTheShell(HostileJars.hiddenUnderMetaInf("hidden.metainf"), "process");
    }

    @Test
    public void aHostileMultiReleaseVersionOfAnInnocentClassIsFound() throws Exception {
        refusedByTheShell(HostileJars.multiRelease("hidden.multirelease"), "process");
    }

    @Test
    public void aClassDisguisedAsAPictureAndDefinedByACustomLoaderIsFound() throws Exception {
        // the loader alone needs class-definition: the refusal must name what the picture's code does too
        refusedByTheShell(HostileJars.pictureClass("hidden.picture"), "process");
    }

    @Test
    public void aJarDisguisedAsAPictureIsFound() throws Exception {
        refusedByTheShell(HostileJars.pictureJar("hidden.picturejar"), "process");
    }

    @Test
    public void aNestedJarOnTheBundleClassPathIsFound() throws Exception {
        refusedByTheShell(HostileJars.nestedJar("hidden.nested"), "process");
    }

    @Test
    public void aJarInsideANestedJarIsFound() throws Exception {
        refusedByTheShell(HostileJars.jarInNestedJar("hidden.deep"), "process");
    }

    // ---- the same through the deploy folder

    @Test
    public void aDroppedLibraryThatStartsAProcessIsNeverActive() throws Exception {
        refusedByTheDeployFolder(library("deploy.process", RunsProcessBuilder.class), "process");
    }

    @Test
    public void aDroppedPluginWithAClassHiddenUnderMetaInfIsNeverActive() throws Exception {
        refusedByTheDeployFolder(HostileJars.hiddenUnderMetaInf("deploy.metainf"), "process");
    }

    @Test
    public void aDroppedPluginPlantingASecondStageIsNeverActive() throws Exception {
        refusedByTheDeployFolder(HostileJars.planter("deploy.install", PlantsSecondStageByMethodReference.class),
                "framework");
        assertSecondStageAbsent();
    }

    // ---- the same through a raw BundleContext.installBundle behind MilkBottle's back

    @Test
    public void aRawInstalledPluginExitingThroughAMethodReferenceIsRemoved() throws Exception {
        refusedAsARawInstall(plugin("raw.exit", ExitsByMethodReference.class), "framework");
    }

    @Test
    public void aRawInstalledLibraryThatStartsAProcessIsRemoved() throws Exception {
        refusedAsARawInstall(library("raw.process", RunsProcessBuilder.class), "process");
    }

    @Test
    public void aRawInstalledPluginWithANestedJarIsRemoved() throws Exception {
        refusedAsARawInstall(HostileJars.nestedJar("raw.nested"), "process");
    }

    @Test
    public void aRawInstalledPluginOpeningMembersThroughAMethodReferenceIsRemoved() throws Exception {
        refusedAsARawInstall(plugin("raw.accessible", OpensByMethodReference.class), "reflection");
    }

    // ---- the three routes

    private void refusedByTheShell(TestBundles hostile, String... permissions) throws Exception {
        String name = hostile.symbolicName();
        Path jar = hostile.writeTo(work("hostile"), name + ".jar");
        String error = errorOf("mb:install " + jar);
        Refusals.assertNames(name, error, NOT_ALLOWED, permissions);
        assertNothingRanAndAllIsWell(name);
    }

    private void refusedByTheDeployFolder(TestBundles hostile, String... permissions) throws Exception {
        String name = hostile.symbolicName();
        Path folder = watchedDeployFolder();
        Path staged = hostile.writeTo(work("staged"), name + ".jar");
        Files.move(staged, folder.resolve(name + ".jar"));
        await(name + " refused", () -> manager.history().stream().anyMatch(t -> t.message() != null
                && t.message().contains(name)));
        String audit = shell("mb:audit");
        assertTrue(audit, audit.lines().anyMatch(l -> l.contains("VETOED") && l.contains("deploy")
                && l.contains(name)));
        Refusals.assertNames(name, audit, NOT_ALLOWED, permissions);
        assertEquals("handed over once, not retried into an install", 1, awaitDeployIdle(folder, 1));
        assertNothingRanAndAllIsWell(name);
    }

    private void refusedAsARawInstall(TestBundles hostile, String... permissions) throws Exception {
        String name = hostile.symbolicName();
        Path jar = hostile.writeTo(work("raw"), name + ".jar");
        Bundle bundle;
        try (InputStream in = Files.newInputStream(jar)) {
            bundle = context.installBundle("file:" + jar, in);
        }
        assertFalse("a vetoed bundle must not resolve",
                context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(bundle)));
        try {
            bundle.start();
            fail(name + " must not start");
        } catch (BundleException | IllegalStateException expected) {
            // unresolvable, or uninstalled already
        }
        await(name + " uninstalled", () -> bundle.getState() == Bundle.UNINSTALLED);
        String audit = shell("mb:audit");
        assertTrue(audit, audit.lines().anyMatch(l -> l.contains("VETOED") && l.contains(name)));
        Refusals.assertNames(name, audit, NOT_ALLOWED, permissions);
        assertNothingRanAndAllIsWell(name);
    }

    /** Installs a plugin that needs {@code pkg}, which only the runtime's {@code keeper} exports: refused, saying why. */
    private void notWiredToTheRuntimesCopy(TestBundles hostile, String pkg, String keeper) throws Exception {
        String name = hostile.symbolicName();
        String error = errorOf("mb:install " + hostile.writeTo(work("hostile"), name + ".jar"));
        assertTrue(error, error.contains("needs package " + pkg + ", which the runtime has only for its own work (in "
                + keeper + ")") && error.contains("Put the library in the plugin"));
        assertNothingRanAndAllIsWell(name);
    }

    private void assertNothingRanAndAllIsWell(String name) throws Exception {
        assertFalse(name + " is installed", bundle(name).isPresent());
        try (Stream<Path> left = Files.list(markers)) {
            assertEquals(name + "'s code ran", List.of(), left.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals("the framework is running", Bundle.ACTIVE, context.getBundle(0).getState());
        for (String runtime : RUNTIME) {
            assertEquals(runtime + "\n" + diagnosis(), Bundle.ACTIVE, bundle(runtime).orElseThrow().getState());
        }
        String list = shell("mb:list");
        assertTrue(list, list.contains(HELLO) && !list.contains(name));
        assertEquals("Hello, Kit!", shell("hello:greet Kit").trim());
    }

    private void assertSecondStageAbsent() {
        assertFalse("the second stage is installed", bundle("stage2").isPresent());
        assertFalse("the second stage ran", Files.exists(markers.resolve("stage2")));
    }

    private String errorOf(String command) {
        try {
            return "no error; printed:\n" + shell(command);
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
    }
}
