package org.milkbottle.sdk.internal.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The configurations a Metatype document describes: each OCD under the PID its Designate gives it. */
final class MetatypeFacts {

    private MetatypeFacts() {
    }

    static List<PluginFacts.Configuration> read(Element metaData) {
        Map<String, String> pidOf = new HashMap<>();
        NodeList designates = metaData.getElementsByTagName("Designate");
        for (int i = 0; i < designates.getLength(); i++) {
            Element designate = (Element) designates.item(i);
            String pid = designate.hasAttribute("pid") ? designate.getAttribute("pid")
                    : designate.getAttribute("factoryPid");
            NodeList objects = designate.getElementsByTagName("Object");
            if (objects.getLength() > 0) {
                pidOf.put(((Element) objects.item(0)).getAttribute("ocdref"), pid);
            }
        }
        List<PluginFacts.Configuration> configurations = new ArrayList<>();
        NodeList ocds = metaData.getElementsByTagName("OCD");
        for (int i = 0; i < ocds.getLength(); i++) {
            Element ocd = (Element) ocds.item(i);
            List<PluginFacts.Attribute> attributes = new ArrayList<>();
            NodeList ads = ocd.getElementsByTagName("AD");
            for (int j = 0; j < ads.getLength(); j++) {
                Element ad = (Element) ads.item(j);
                List<String> options = new ArrayList<>();
                NodeList optionNodes = ad.getElementsByTagName("Option");
                for (int k = 0; k < optionNodes.getLength(); k++) {
                    Element option = (Element) optionNodes.item(k);
                    options.add(option.getAttribute("value") + " (" + option.getAttribute("label") + ")");
                }
                attributes.add(new PluginFacts.Attribute(ad.getAttribute("id"), ad.getAttribute("name"),
                        ad.getAttribute("type"), ad.getAttribute("default"), ad.getAttribute("min"),
                        ad.getAttribute("max"), options, ad.getAttribute("description")));
            }
            String id = ocd.getAttribute("id");
            configurations.add(new PluginFacts.Configuration(pidOf.getOrDefault(id, id), ocd.getAttribute("name"),
                    ocd.getAttribute("description"), attributes));
        }
        return configurations;
    }
}
