@echo off
rem Starts MilkBottle from its distribution, from any current folder (Windows).
rem   bin\milkbottle.bat [--headless | -c "CMDS" | --attach -c "CMDS" | --help]
rem Environment: MILKBOTTLE_HOME (where data\ and deploy\ live; default: the distribution's folder),
rem JAVA_HOME (17 or newer; default: java on the PATH), JAVA_OPTS, MILKBOTTLE_OPTS.
rem Framework and runtime properties (ports, host, ...) are in conf\milkbottle.properties.
setlocal
set "MILKBOTTLE_BASE=%~dp0.."
for %%I in ("%MILKBOTTLE_BASE%") do set "MILKBOTTLE_BASE=%%~fI"
if not defined MILKBOTTLE_CONF set "MILKBOTTLE_CONF=%MILKBOTTLE_BASE%\conf"
if not defined MILKBOTTLE_HOME set "MILKBOTTLE_HOME=%MILKBOTTLE_BASE%"
if not defined JAVA_OPTS set "JAVA_OPTS=-XX:TieredStopAtLevel=1"
if defined JAVA_HOME (
  set "JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA=java.exe"
)
"%JAVA%" -version >nul 2>&1
if errorlevel 1 (
  echo milkbottle: cannot start: no Java found; install a JDK or JRE 17 or newer, or set JAVA_HOME. 1>&2
  exit /b 1
)
if not exist "%MILKBOTTLE_HOME%" mkdir "%MILKBOTTLE_HOME%"
"%JAVA%" %JAVA_OPTS% %MILKBOTTLE_OPTS% ^
  "-Dmilkbottle.config=%MILKBOTTLE_CONF%\milkbottle.properties" ^
  "-Dmilkbottle.home=%MILKBOTTLE_HOME%" ^
  "-Dorg.osgi.framework.storage=%MILKBOTTLE_HOME%\data\framework" ^
  "-Dmilkbottle.data=%MILKBOTTLE_HOME%\data\milkbottle" ^
  "-Dmilkbottle.deploy=%MILKBOTTLE_HOME%\deploy" ^
  -jar "%MILKBOTTLE_BASE%\lib\milkbottle.jar" %*
exit /b %ERRORLEVEL%
