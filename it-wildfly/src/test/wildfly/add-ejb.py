#!/usr/bin/env python3
"""Adds WildFly's EJB subsystem (as standalone.xml has it) to standalone-microprofile.xml, which has none: the
EJB timers of the scheduled-job test (@Schedule) need it. Copies, unchanged, the two EJB extensions, the ejb3 and
distributable-ejb subsystems and the "ejb" Infinispan cache container. Usage: add-ejb.py <configuration dir>"""
import re
import sys

directory = sys.argv[1]
source = open(directory + "/standalone.xml").read()
target_path = directory + "/standalone-microprofile.xml"
target = open(target_path).read()
if 'module="org.jboss.as.ejb3"' in target:
    sys.exit(0)


def block(pattern):
    found = re.search(pattern, source, re.S)
    if not found:
        sys.exit("add-ejb: not found in standalone.xml: " + pattern)
    return found.group(0)


extensions = '<extension module="org.jboss.as.ejb3"/>\n        <extension module="org.wildfly.extension.clustering.ejb"/>\n        '
target = target.replace("<extension ", extensions + "<extension ", 1)
subsystems = (block(r'<subsystem xmlns="urn:jboss:domain:distributable-ejb:[^"]*">.*?</subsystem>') + "\n        "
              + block(r'<subsystem xmlns="urn:jboss:domain:ejb3:[^"]*">.*?</subsystem>') + "\n        ")
target = re.sub(r'(<subsystem xmlns="urn:jboss:domain:ee:)', subsystems.replace("\\", "\\\\") + r"\1", target, count=1)
container = block(r'<cache-container name="ejb".*?</cache-container>') + "\n            "
target = target.replace('<cache-container name="web"', container + '<cache-container name="web"', 1)
open(target_path, "w").write(target)
print("[configure] EJB subsystem added to standalone-microprofile.xml")
