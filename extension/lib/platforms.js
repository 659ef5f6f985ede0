/**
 * Social-media platforms the popup knows: which one a page belongs to, and where that platform
 * explains how to report a post. Only the platform id leaves the background script, never the URL.
 */

/** Platform id -> display name, host names (subdomains included) and reporting help page per language. */
export const PLATFORMS = Object.freeze({
  facebook: {
    name: "Facebook",
    hosts: ["facebook.com", "fb.com", "fb.watch"],
    help: { nl: "https://www.facebook.com/help/reportlinks", en: "https://www.facebook.com/help/reportlinks" },
  },
  instagram: {
    name: "Instagram",
    hosts: ["instagram.com"],
    help: { nl: "https://help.instagram.com/192435014247952", en: "https://help.instagram.com/192435014247952" },
  },
  x: {
    name: "X (Twitter)",
    hosts: ["x.com", "twitter.com"],
    help: {
      nl: "https://help.x.com/nl/safety-and-security/report-abusive-behavior",
      en: "https://help.x.com/en/safety-and-security/report-abusive-behavior",
    },
  },
  tiktok: {
    name: "TikTok",
    hosts: ["tiktok.com"],
    help: {
      nl: "https://support.tiktok.com/nl/safety-hc/report-a-problem",
      en: "https://support.tiktok.com/en/safety-hc/report-a-problem",
    },
  },
  youtube: {
    name: "YouTube",
    hosts: ["youtube.com", "youtu.be"],
    help: {
      nl: "https://support.google.com/youtube/answer/2802027?hl=nl",
      en: "https://support.google.com/youtube/answer/2802027?hl=en",
    },
  },
  reddit: {
    name: "Reddit",
    hosts: ["reddit.com", "redd.it"],
    help: {
      nl: "https://support.reddithelp.com/hc/en-us/articles/360058309512",
      en: "https://support.reddithelp.com/hc/en-us/articles/360058309512",
    },
  },
});

/** The platform id of a page URL (its host or a subdomain of it), or null for any other page. */
export function detectPlatform(pageUrl) {
  let host;
  try {
    const url = new URL(pageUrl);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    host = url.hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return null;
  }
  for (const [id, platform] of Object.entries(PLATFORMS)) {
    if (platform.hosts.some((h) => host === h || host.endsWith(`.${h}`))) return id;
  }
  return null;
}

/** {id, name, url} of the platform's reporting help page in `lang`, or null for an unknown id. */
export function reportingHelp(platformId, lang) {
  const platform = Object.hasOwn(PLATFORMS, platformId ?? "") ? PLATFORMS[platformId] : null;
  if (!platform) return null;
  return { id: platformId, name: platform.name, url: platform.help[lang] ?? platform.help.en };
}
