# Install rules and the Debian package (CPack DEB; scripts/package builds it).
#   bin/hdreg                         the installed binary (hdreg_installed)
#   share/hdreg/{templates,checks,fonts}  the data folder (HDREG_DATA_DIR overrides it)
#   share/man/man1/hdreg.1, share/doc/hdreg/  the man page and the documentation
#   SYSCONFDIR/hdreg/hdreg.conf       the example configuration (a conffile)
#   lib/systemd/system/hdreg-night.{service,timer}, hdreg-alert@.service
#   lib/sysusers.d/hdreg.conf, lib/tmpfiles.d/hdreg.conf  the hdreg user, /var/lib/hdreg
# The paths compiled into bin/hdreg are the install prefix's; a package is made with
# CMAKE_INSTALL_PREFIX=/usr (then SYSCONFDIR is /etc and LOCALSTATEDIR /var).

set(HDREG_DATADIR "${CMAKE_INSTALL_FULL_DATADIR}/hdreg")
set(HDREG_SYSCONFDIR "${CMAKE_INSTALL_FULL_SYSCONFDIR}/hdreg")
set(HDREG_STATEDIR "${CMAKE_INSTALL_FULL_LOCALSTATEDIR}/lib/hdreg")
set(HDREG_BINDIR "${CMAKE_INSTALL_FULL_BINDIR}")
set(HDREG_LIBEXECDIR "${CMAKE_INSTALL_FULL_LIBEXECDIR}/hdreg")
set(HDREG_DOCDIR "${CMAKE_INSTALL_FULL_DATADIR}/doc/hdreg")

hdreg_cli_executable(hdreg_installed ${HDREG_DATADIR} ${HDREG_DATADIR}/templates
  ${HDREG_DATADIR}/checks ${HDREG_DATADIR}/fonts ${HDREG_SYSCONFDIR}/hdreg.conf)
set_target_properties(hdreg_installed PROPERTIES OUTPUT_NAME hdreg
  RUNTIME_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/installed")

# The files that name install paths.
foreach(f hdreg.conf alert.conf systemd/hdreg-night.service systemd/hdreg-night.timer
          systemd/hdreg-alert@.service tmpfiles.conf sysusers.conf hdreg-alert)
  configure_file(dist/${f}.in ${CMAKE_CURRENT_BINARY_DIR}/dist/${f} @ONLY)
endforeach()

install(TARGETS hdreg_installed RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES templates/certificate.xml templates/review_opinion.xml templates/public_notice.xml
              templates/cancellation.xml templates/privacy_policy.xml
              # the letters (docs/procedure.md "Letters")
              templates/acceptance.xml templates/supplement_request.xml templates/refusal.xml
              templates/committee_opinion.xml templates/onsite_record.xml
              templates/objection_explain.xml templates/objection_outcome.xml
              templates/schema.rng
              templates/institution.rng templates/cases.rng
        DESTINATION ${CMAKE_INSTALL_DATADIR}/hdreg/templates)
install(DIRECTORY scripts/checks/ DESTINATION ${CMAKE_INSTALL_DATADIR}/hdreg/checks
        FILES_MATCHING PATTERN "*.lua")
install(FILES fonts/manifest.txt DESTINATION ${CMAKE_INSTALL_DATADIR}/hdreg/fonts)
# Debian wants man pages and changelogs compressed (gzip -n: no name or time, the same
# bytes every build).
find_program(GZIP gzip REQUIRED)
add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/dist/hdreg.1.gz
  COMMAND ${GZIP} -9n -c ${CMAKE_CURRENT_SOURCE_DIR}/docs/hdreg.1 > ${CMAKE_CURRENT_BINARY_DIR}/dist/hdreg.1.gz
  DEPENDS docs/hdreg.1)
add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/dist/changelog.gz
  COMMAND ${GZIP} -9n -c ${CMAKE_CURRENT_SOURCE_DIR}/dist/debian/changelog > ${CMAKE_CURRENT_BINARY_DIR}/dist/changelog.gz
  DEPENDS dist/debian/changelog)
add_custom_target(hdreg_dist_files ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/dist/hdreg.1.gz
                  ${CMAKE_CURRENT_BINARY_DIR}/dist/changelog.gz)
add_dependencies(hdreg_installed hdreg_dist_files)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/dist/hdreg.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/dist/changelog.gz dist/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/hdreg)
install(FILES README.md docs/operations.md docs/architecture.md docs/checks.md docs/import.md
              docs/procedure.md docs/schema.md docs/templates.md docs/verification.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/hdreg)
install(PROGRAMS docs/hdreg-verify.py DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/hdreg)
install(DIRECTORY docs/examples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/hdreg/examples)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/dist/hdreg.conf ${CMAKE_CURRENT_BINARY_DIR}/dist/alert.conf
        DESTINATION ${HDREG_SYSCONFDIR})
install(PROGRAMS ${CMAKE_CURRENT_BINARY_DIR}/dist/hdreg-alert DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/hdreg)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/dist/systemd/hdreg-night.service
              ${CMAKE_CURRENT_BINARY_DIR}/dist/systemd/hdreg-night.timer
              ${CMAKE_CURRENT_BINARY_DIR}/dist/systemd/hdreg-alert@.service
        DESTINATION lib/systemd/system)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/dist/sysusers.conf DESTINATION lib/sysusers.d RENAME hdreg.conf)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/dist/tmpfiles.conf DESTINATION lib/tmpfiles.d RENAME hdreg.conf)

# The Debian package.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hdreg)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# The maintainer's address: the authority's own packager (lintian: bogus-mail-host until set).
set(HDREG_PACKAGE_MAINTAINER "hdreg maintainers <hdreg@localhost>" CACHE STRING
    "Maintainer of the Debian package")
set(CPACK_PACKAGE_CONTACT "${HDREG_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "health-data property-right registration batch engine")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "hdreg runs the nightly job of a registration authority for health and medical
data property rights (Guangdong draft guideline): compliance checks in a Lua
sandbox, the registration procedure, review opinions, public notices and
certificates as signed PDF with embedded CJK fonts, and a verifiable ledger.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.invalid/hdreg")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
# The libraries from dpkg-shlibdeps; the fonts of fonts/manifest.txt (fontconfig finds
# them by family name: nothing links them).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "fonts-noto-cjk, fonts-wqy-microhei, fonts-arphic-uming, fonts-lxgw-wenkai, fonts-hanazono, fontconfig, adduser")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "poppler-utils, python3, openssl")
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/dist/conffiles
     "${HDREG_SYSCONFDIR}/hdreg.conf\n${HDREG_SYSCONFDIR}/alert.conf\n")
configure_file(dist/debian/postinst.in ${CMAKE_CURRENT_BINARY_DIR}/dist/postinst @ONLY)
configure_file(dist/debian/postrm.in ${CMAKE_CURRENT_BINARY_DIR}/dist/postrm @ONLY)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${CMAKE_CURRENT_BINARY_DIR}/dist/conffiles ${CMAKE_CURRENT_BINARY_DIR}/dist/postinst
  ${CMAKE_CURRENT_BINARY_DIR}/dist/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_OUTPUT_FILE_PREFIX ${CMAKE_CURRENT_BINARY_DIR}/package)
include(CPack)
